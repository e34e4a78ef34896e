package io.github.asyncops.example;

import io.github.asyncops.core.SettingsSource;
import java.util.Optional;

/**
 * The settings the demo gives its plugins. The command line comes first: {@code --flight-seconds}
 * is the missile launch's {@code flight-seconds}, and {@code --lang} is every plugin's {@code
 * lang}. Any other setting comes from a system property ({@code -Dasyncops.csv-export.pause=10ms})
 * or else an environment variable ({@code ASYNCOPS_CSV_EXPORT_PAUSE=10ms}).
 */
final class DemoSettings {
  private DemoSettings() {}

  static SettingsSource of(DemoOptions options) {
    SettingsSource commandLine =
        key -> {
          if (key.equals("missile-launch.flight-seconds")) {
            return Optional.of(Long.toString(options.flight().toSeconds()));
          }
          if (key.endsWith(".lang")) {
            return Optional.of(options.language().code());
          }
          return Optional.empty();
        };
    return commandLine
        .orElse(SettingsSource.systemProperties())
        .orElse(SettingsSource.environment());
  }
}
