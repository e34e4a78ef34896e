package io.github.asyncops.core;

import java.util.Optional;

/**
 * A worker provider's setting is missing or has a value it cannot use. Thrown by {@link
 * io.github.asyncops.core.spi.Settings} while a provider is {@linkplain
 * io.github.asyncops.core.spi.WorkerProvider#configure configured}; the engine's build then fails
 * with a {@link WorkerDiscoveryException} that names the provider too.
 */
public final class InvalidSettingException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String value;

  /**
   * Creates the exception.
   *
   * @param key the setting's full key, such as {@code missile-launch.flight-seconds}
   * @param value the value found, or null if the setting is missing
   * @param reason what is wrong, such as "must be a whole number from 1 to 86400"
   */
  public InvalidSettingException(String key, String value, String reason) {
    super(
        value == null
            ? "setting '" + key + "' is missing: " + reason
            : "setting '" + key + "' has the invalid value '" + value + "': " + reason);
    this.key = key;
    this.value = value;
  }

  /**
   * The setting's full key.
   *
   * @return the key
   */
  public String key() {
    return key;
  }

  /**
   * The value found.
   *
   * @return the value, or empty if the setting is missing
   */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }
}
