package io.github.asyncops.jaxrs.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code Prefer: wait=N} (RFC 7240). {@link WaitingStarts} holds the response while the
 * operation runs.
 */
final class PreferWait {
  private PreferWait() {}

  /**
   * Reads the wait preference. A malformed or negative value is ignored, as RFC 7240 asks of
   * preferences a server cannot use.
   *
   * @param prefer the {@code Prefer} headers, or null
   * @param cap the longest wait allowed, used in whole seconds
   * @return the wait in whole seconds, at most {@code cap}; zero when none was asked for
   */
  static Duration parse(List<String> prefer, Duration cap) {
    if (prefer == null) {
      return Duration.ZERO;
    }
    for (String header : prefer) {
      for (String preference : header.split(",")) {
        String[] nameValue = preference.split(";", 2)[0].split("=", 2);
        if (nameValue.length == 2 && nameValue[0].trim().toLowerCase(Locale.ROOT).equals("wait")) {
          Duration wait = seconds(nameValue[1]);
          if (wait != null) {
            return Duration.ofSeconds(Math.min(wait.toSeconds(), cap.toSeconds()));
          }
        }
      }
    }
    return Duration.ZERO;
  }

  private static Duration seconds(String value) {
    String digits = value.trim();
    if (digits.length() >= 2 && digits.startsWith("\"") && digits.endsWith("\"")) {
      digits = digits.substring(1, digits.length() - 1);
    }
    try {
      long seconds = Long.parseLong(digits);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
