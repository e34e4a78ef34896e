package io.github.asyncops.example;

import java.util.Locale;

/** The demo's two languages. The seed's texts are Russian; English is offered too. */
public enum Language {
  /** Russian, as in the seed. */
  RU(
      "Поехали!",
      "Полет завершен на %d%%",
      "Кабуууум!",
      "Полет отменен",
      "Выгружено %d из %d строк"),
  /** English. */
  EN("Liftoff!", "Flight %d%% complete", "Kaboooom!", "Flight cancelled", "Exported %d of %d rows");

  final String liftOff;
  private final String flying;
  final String boom;
  final String cancelled;
  private final String exported;

  Language(String liftOff, String flying, String boom, String cancelled, String exported) {
    this.liftOff = liftOff;
    this.flying = flying;
    this.boom = boom;
    this.cancelled = cancelled;
    this.exported = exported;
  }

  String flying(int percent) {
    return String.format(Locale.ROOT, flying, percent);
  }

  String exported(int rows, int of) {
    return String.format(Locale.ROOT, exported, rows, of);
  }

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
}
