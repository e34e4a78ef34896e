package io.github.asyncops.core.spi;

import io.github.asyncops.core.InvalidSettingException;
import io.github.asyncops.core.SettingsSource;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One provider's settings: its own part of the application's {@link SettingsSource}. Each name is
 * looked up under the provider's namespace, so {@code integer("flight-seconds", ...)} of the {@code
 * missile-launch} provider reads {@code missile-launch.flight-seconds}.
 *
 * <p>Every accessor throws {@link InvalidSettingException}, naming the key and the value, for a
 * missing required setting or a value that does not parse or is out of range. Not thread-safe; use
 * it in {@link WorkerProvider#configure}.
 */
public final class Settings {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");

  private final String namespace;
  private final SettingsSource source;

  /**
   * Creates the settings of one namespace.
   *
   * @param namespace the prefix of every key, usually the provider's name
   * @param source where the values come from
   */
  public Settings(String namespace, SettingsSource source) {
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.source = Objects.requireNonNull(source, "source");
  }

  /**
   * The prefix of every key.
   *
   * @return the namespace, such as {@code missile-launch}
   */
  public String namespace() {
    return namespace;
  }

  /**
   * The full key of a setting.
   *
   * @param name the setting's name, such as {@code flight-seconds}
   * @return the key, such as {@code missile-launch.flight-seconds}
   */
  public String key(String name) {
    return namespace + "." + Objects.requireNonNull(name, "name");
  }

  /**
   * Looks up a setting as it is.
   *
   * @param name the setting's name
   * @return the value, or empty if it is not set
   */
  public Optional<String> find(String name) {
    return source.get(key(name));
  }

  /**
   * Reads a required text setting.
   *
   * @param name the setting's name
   * @return the value, not blank
   * @throws InvalidSettingException if it is missing or blank
   */
  public String string(String name) {
    String value = find(name).orElseThrow(() -> invalid(name, "it is required"));
    if (value.isBlank()) {
      throw invalid(name, "must not be blank");
    }
    return value;
  }

  /**
   * Reads an optional text setting.
   *
   * @param name the setting's name
   * @param defaultValue the value if it is not set
   * @return the value
   */
  public String string(String name, String defaultValue) {
    return find(name).orElse(defaultValue);
  }

  /**
   * Reads a whole number within bounds.
   *
   * @param name the setting's name
   * @param defaultValue the value if it is not set
   * @param min the least value allowed
   * @param max the greatest value allowed
   * @return the value
   * @throws InvalidSettingException if it is not a whole number from {@code min} to {@code max}
   */
  public int integer(String name, int defaultValue, int min, int max) {
    return get(
        name,
        defaultValue,
        text -> {
          try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
              return value;
            }
          } catch (NumberFormatException e) {
            // reported below, with the range
          }
          throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
        });
  }

  /**
   * Reads a yes-or-no setting: {@code true} or {@code false}, in any case.
   *
   * @param name the setting's name
   * @param defaultValue the value if it is not set
   * @return the value
   * @throws InvalidSettingException for any other text
   */
  public boolean bool(String name, boolean defaultValue) {
    return get(
        name,
        defaultValue,
        text ->
            switch (text.trim().toLowerCase(Locale.ROOT)) {
              case "true" -> true;
              case "false" -> false;
              default -> throw new IllegalArgumentException("must be true or false");
            });
  }

  /**
   * Reads a duration: a number with a unit ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h},
   * {@code 1d}) or ISO-8601 ({@code PT30S}). Negative durations are refused.
   *
   * @param name the setting's name
   * @param defaultValue the value if it is not set
   * @return the value
   * @throws InvalidSettingException if it does not parse or is negative
   */
  public Duration duration(String name, Duration defaultValue) {
    return get(name, defaultValue, Settings::parseDuration);
  }

  /**
   * Reads a setting with a parser of the provider's own. The parser throws {@link
   * IllegalArgumentException} with the reason for a value it refuses.
   *
   * @param name the setting's name
   * @param defaultValue the value if it is not set
   * @param parser turns the text into the value
   * @param <T> the value's type
   * @return the value
   * @throws InvalidSettingException if the parser refuses the value
   */
  public <T> T get(String name, T defaultValue, Function<String, T> parser) {
    Optional<String> text = find(name);
    if (text.isEmpty()) {
      return defaultValue;
    }
    try {
      return parser.apply(text.get());
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(key(name), text.get(), e.getMessage());
    }
  }

  /**
   * Makes the exception for a value that the provider's own checks refuse, naming the key and the
   * value found.
   *
   * @param name the setting's name
   * @param reason what is wrong
   * @return the exception, to throw
   */
  public InvalidSettingException invalid(String name, String reason) {
    return new InvalidSettingException(key(name), find(name).orElse(null), reason);
  }

  private static Duration parseDuration(String text) {
    String trimmed = text.trim();
    Duration duration;
    Matcher m = SHORT_DURATION.matcher(trimmed);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      duration =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
    } else {
      try {
        duration = Duration.parse(trimmed);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "must be a duration such as 500ms, 30s, 5m, 2h, 1d or PT30S", e);
      }
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("must not be negative");
    }
    return duration;
  }
}
