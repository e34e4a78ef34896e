package io.github.asyncops.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The demo's two languages: of the page, and (as each plugin's {@code lang} setting) of the
 * workers' texts. The seed's texts are Russian; English is offered too.
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
