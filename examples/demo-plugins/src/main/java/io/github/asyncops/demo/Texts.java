package io.github.asyncops.demo;

import io.github.asyncops.core.spi.Settings;

/**
 * The demo types' titles, in the language of the {@code lang} setting. Their status texts are
 * messages from the {@code Messages} bundles ({@link #BUNDLE}), which every viewer reads in their
 * own language.
 */
enum Texts {
  /** Russian, as in the seed. */
  RU("Запуск ракеты", "Выгрузка CSV"),
  /** English. */
  EN("Missile launch", "CSV export");

  /** The base name of the demo's message bundles ({@code Messages_ru}, {@code Messages_en}). */
  static final String BUNDLE = "io.github.asyncops.demo.Messages";

  final String flightTitle;
  final String exportTitle;

  Texts(String flightTitle, String exportTitle) {
    this.flightTitle = flightTitle;
    this.exportTitle = exportTitle;
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
