package io.github.asyncops.core;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Where discovered worker providers read their settings. A key is the provider's name, a dot and
 * the setting's name, such as {@code missile-launch.flight-seconds}; {@link
 * io.github.asyncops.core.spi.Settings} adds the prefix, so a provider asks for {@code
 * flight-seconds}.
 *
 * <p>Give one to {@link OperationEngine.Builder#settings(SettingsSource)}. Implement it as a lambda
 * to read an application's own configuration (Spring's {@code Environment::getProperty}, a
 * MicroProfile {@code Config}), or combine the factories here with {@link #orElse}. Implementations
 * are called only while the engine is built, on the building thread.
 */
@FunctionalInterface
public interface SettingsSource {

  /**
   * Looks up one setting.
   *
   * @param key the full key, such as {@code missile-launch.flight-seconds}
   * @return the value, or empty if this source does not have it
   */
  Optional<String> get(String key);

  /**
   * A source that has no settings: every provider gets its defaults. The builder's default.
   *
   * @return the empty source
   */
  static SettingsSource none() {
    return key -> Optional.empty();
  }

  /**
   * Reads settings from properties, by their full keys. Later changes to {@code properties} are
   * seen.
   *
   * @param properties the properties, for example loaded from a file
   * @return the source
   */
  static SettingsSource of(Properties properties) {
    Objects.requireNonNull(properties, "properties");
    return key -> Optional.ofNullable(properties.getProperty(key));
  }

  /**
   * Reads settings from a map, by their full keys.
   *
   * @param settings the settings; copied
   * @return the source
   */
  static SettingsSource of(Map<String, String> settings) {
    Map<String, String> copy = Map.copyOf(settings);
    return key -> Optional.ofNullable(copy.get(key));
  }

  /**
   * Reads JVM system properties named {@code asyncops.} and the key, such as {@code
   * -Dasyncops.missile-launch.flight-seconds=30}, when the engine is built.
   *
   * @return the source
   */
  static SettingsSource systemProperties() {
    return key -> Optional.ofNullable(System.getProperty("asyncops." + key));
  }

  /**
   * Reads environment variables named {@code ASYNCOPS_} and the key in upper case, with every
   * character other than a letter or digit turned into {@code _}: {@code
   * ASYNCOPS_MISSILE_LAUNCH_FLIGHT_SECONDS} for {@code missile-launch.flight-seconds}.
   *
   * @return the source
   */
  static SettingsSource environment() {
    return environment(System.getenv());
  }

  /**
   * Reads variables named as {@link #environment()} does from the given map, for tests.
   *
   * @param variables the variables; copied
   * @return the source
   */
  static SettingsSource environment(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return key -> Optional.ofNullable(copy.get(environmentName(key)));
  }

  /**
   * The environment variable that {@link #environment()} reads for a key.
   *
   * @param key the full key, such as {@code missile-launch.flight-seconds}
   * @return the variable's name, such as {@code ASYNCOPS_MISSILE_LAUNCH_FLIGHT_SECONDS}
   */
  static String environmentName(String key) {
    return "ASYNCOPS_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * Asks this source first and {@code other} for what this one does not have.
   *
   * @param other the fallback
   * @return the combined source
   */
  default SettingsSource orElse(SettingsSource other) {
    Objects.requireNonNull(other, "other");
    return key -> {
      Optional<String> value = get(key);
      return value.isPresent() ? value : other.get(key);
    };
  }
}
