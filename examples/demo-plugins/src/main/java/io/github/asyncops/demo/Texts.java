package io.github.asyncops.demo;

import io.github.asyncops.core.spi.Settings;
import java.util.Locale;

/** The demo workers' status texts. The seed's texts are Russian; English is offered too. */
enum Texts {
  /** Russian, as in the seed. */
  RU(
      "Запуск ракеты",
      "Поехали!",
      "Полет завершен на %d%%",
      "Кабуууум!",
      "Полет отменен",
      "Выгрузка CSV",
      "Выгружено %d из %d строк"),
  /** English. */
  EN(
      "Missile launch",
      "Liftoff!",
      "Flight %d%% complete",
      "Kaboooom!",
      "Flight cancelled",
      "CSV export",
      "Exported %d of %d rows");

  final String flightTitle;
  final String liftOff;
  private final String flying;
  final String boom;
  final String cancelled;
  final String exportTitle;
  private final String exported;

  Texts(
      String flightTitle,
      String liftOff,
      String flying,
      String boom,
      String cancelled,
      String exportTitle,
      String exported) {
    this.flightTitle = flightTitle;
    this.liftOff = liftOff;
    this.flying = flying;
    this.boom = boom;
    this.cancelled = cancelled;
    this.exportTitle = exportTitle;
    this.exported = exported;
  }

  String flying(int percent) {
    return String.format(Locale.ROOT, flying, percent);
  }

  String exported(int rows, int of) {
    return String.format(Locale.ROOT, exported, rows, of);
  }

  /**
   * Reads the {@code lang} setting: {@code ru} (the default) or {@code en}, in any case.
   *
   * @param settings a provider's settings
   * @return the texts
   */
  static Texts from(Settings settings) {
    return settings.get(
        "lang",
        RU,
        code -> {
          for (Texts texts : values()) {
            if (texts.name().equalsIgnoreCase(code.trim())) {
              return texts;
            }
          }
          throw new IllegalArgumentException("must be ru or en");
        });
  }
}
