package io.github.asyncops.jaxrs.internal;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The adapter's own problem texts in each language it ships: the {@code problems} bundles next to
 * this class, English in the base bundle (and an empty {@code problems_en}, so that English is
 * found even where the JVM's default locale has a bundle of its own), Russian in {@code
 * problems_ru}. Patterns take {@code {0}}, {@code {1}} and so on, replaced by their text as it is:
 * no {@code MessageFormat}, whose quoting rules would make every apostrophe a trap.
 *
 * <p>A bundle counts for a language only when its language is the one asked for, since {@link
 * ResourceBundle} otherwise falls back to the JVM's default locale, which says nothing about the
 * viewer.
 */
final class ProblemTexts {
  /** The base name of the bundles. */
  static final String BUNDLE = "io.github.asyncops.jaxrs.internal.problems";

  /** The language of the base bundle, and of every problem when nothing else applies. */
  static final Locale BASE_LANGUAGE = Locale.ENGLISH;

  private ProblemTexts() {}

  /**
   * The language of a request's problems: the first of the viewer's languages that the bundles
   * have, else the engine's language if they have it, else English.
   *
   * @param preferred the viewer's locales, most preferred first
   * @param engineLanguage the language the engine names for its texts, if any
   * @return a locale of a language only, such as {@code ru}
   */
  static Locale choose(List<Locale> preferred, Optional<Locale> engineLanguage) {
    for (Locale wanted : preferred) {
      if (has(wanted.getLanguage())) {
        return Locale.forLanguageTag(wanted.getLanguage());
      }
    }
    return engineLanguage
        .map(Locale::getLanguage)
        .filter(ProblemTexts::has)
        .map(Locale::forLanguageTag)
        .orElse(BASE_LANGUAGE);
  }

  /**
   * A problem's title.
   *
   * @param key the key under {@code title.}
   * @param fallback the text when no bundle has the key
   * @param locale the language, from {@link #choose}
   * @return the title
   */
  static String title(String key, String fallback, Locale locale) {
    return text("title." + key, locale).orElse(fallback);
  }

  /**
   * A problem's detail.
   *
   * @param detail the detail
   * @param locale the language, from {@link #choose}
   * @return the text
   */
  static String detail(Detail detail, Locale locale) {
    if (detail.key() == null) {
      return detail.text();
    }
    String pattern = text("detail." + detail.key(), locale).orElse(detail.key());
    List<String> args = detail.args();
    for (int i = 0; i < args.size(); i++) {
      pattern = pattern.replace("{" + i + "}", args.get(i));
    }
    return pattern;
  }

  private static boolean has(String language) {
    if (language.isEmpty() || language.equals("*")) {
      return false;
    }
    return bundle(Locale.forLanguageTag(language)).getLocale().getLanguage().equals(language);
  }

  private static Optional<String> text(String key, Locale locale) {
    try {
      return Optional.of(bundle(locale).getString(key));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }

  /** The bundle for a language; {@link ResourceBundle} caches them. */
  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale);
  }
}
