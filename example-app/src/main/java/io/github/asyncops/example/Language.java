package io.github.asyncops.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The demo's two languages. Each browser reads the page and the workers' messages in the one its
 * {@code Accept-Language} prefers; {@code --lang} is the default for the others, and (as each
 * plugin's {@code lang} setting) the language of the types' titles. The seed's texts are Russian;
 * English is offered too.
 */
public enum Language {
  /** Russian, as in the seed. */
  RU,
  /** English. */
  EN;

  /**
   * Parses "ru" or "en".
   *
   * @param code the language code, in any case
   * @return the language
   * @throws IllegalArgumentException for any other code
   */
  public static Language of(String code) {
    for (Language language : values()) {
      if (language.name().equalsIgnoreCase(code)) {
        return language;
      }
    }
    throw new IllegalArgumentException("--lang must be ru or en, was '" + code + "'");
  }

  /**
   * The lower-case code.
   *
   * @return "ru" or "en"
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The locale: the default language of the workers' messages.
   *
   * @return {@code ru} or {@code en}
   */
  public Locale locale() {
    return Locale.forLanguageTag(code());
  }

  /**
   * The language of the page for a browser: the first of its {@code Accept-Language} preferences
   * that the demo speaks, else the server's default ({@code --lang}).
   *
   * @param acceptLanguage the header, or null
   * @param fallback the server's default
   * @return the language
   */
  static Language forBrowser(String acceptLanguage, Language fallback) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return fallback;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
        for (Language language : values()) {
          String tag = range.getRange();
          if (tag.equals(language.code()) || tag.startsWith(language.code() + "-")) {
            return language;
          }
        }
      }
    } catch (IllegalArgumentException malformed) {
      // A header no browser sends: the default serves.
    }
    return fallback;
  }

  /** The page's texts in this language, from {@code texts/<code>.properties}. */
  Properties texts() {
    String resource = "texts/" + code() + ".properties";
    Properties texts = new Properties();
    try (InputStream in = Language.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
