package io.github.asyncops.store.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the store repeats a database call that failed for a transient reason: a lost connection
 * (SQLState class {@code 08}), a serialization failure ({@code 40001}), a deadlock ({@code 40P01}),
 * a server shutting down ({@code 57P01}..{@code 57P03}), an H2 lock timeout ({@code HYT00}), or a
 * {@link java.sql.SQLTransientException}. Other failures are never retried. The backoff doubles
 * after each failure, from {@code firstBackoff} up to {@code maxBackoff}.
 *
 * @param maxAttempts how many times a call is tried in all, at least 1
 * @param firstBackoff the pause after the first failure, not negative
 * @param maxBackoff the longest pause, not shorter than {@code firstBackoff}
 */
public record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

  /**
   * Checks the values.
   *
   * @param maxAttempts how many times a call is tried in all, at least 1
   * @param firstBackoff the pause after the first failure, not negative
   * @param maxBackoff the longest pause, not shorter than {@code firstBackoff}
   * @throws IllegalArgumentException if a value is out of range
   * @throws NullPointerException if a duration is null
   */
  public RetryPolicy {
    Objects.requireNonNull(firstBackoff, "firstBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= firstBackoff <= maxBackoff, was " + firstBackoff + " and " + maxBackoff);
    }
  }

  /**
   * The default: 6 attempts, pausing 50 ms, 100 ms, 200 ms, 400 ms and 800 ms in between, so a call
   * gives up after about 1.5 s of pauses; long enough for a pool to replace a broken connection or
   * a primary to fail over, short enough for a caller waiting on an HTTP request.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofMillis(50), Duration.ofSeconds(1));
  }

  /**
   * No retries: every call is tried once.
   *
   * @return the policy
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The pause after a number of failed attempts.
   *
   * @param failures how many attempts failed so far, at least 1
   * @return the pause before the next attempt
   */
  public Duration backoff(int failures) {
    Duration pause = firstBackoff;
    for (int i = 1; i < failures && pause.compareTo(maxBackoff) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
  }
}
