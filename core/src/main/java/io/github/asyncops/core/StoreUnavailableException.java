package io.github.asyncops.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The operation store cannot be reached, for example because its database is down, so the request
 * could not be answered. Try again later: the condition is temporary, and the store answers again
 * on its own once it can.
 *
 * <p>A store throws this when a call fails for a reason that a later call may not see (a lost
 * connection, a database that does not answer within the store's time budget), and at once, without
 * waiting, while it knows of an outage. The engine answers what it can without the store during an
 * outage: the status and events of operations running on this node come from its memory. The engine
 * does not log this exception; a store that throws it logs the outage itself, once when it starts
 * and once when it ends.
 */
public final class StoreUnavailableException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  /** The suggested delay before trying again when the store gives none. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  private final Duration retryAfter;

  /**
   * Creates the exception with the {@linkplain #DEFAULT_RETRY_AFTER default delay}.
   *
   * @param message what the store could not do and why, in words a caller understands
   * @param cause the underlying failure, or null
   */
  public StoreUnavailableException(String message, Throwable cause) {
    this(message, cause, DEFAULT_RETRY_AFTER);
  }

  /**
   * Creates the exception.
   *
   * @param message what the store could not do and why, in words a caller understands
   * @param cause the underlying failure, or null
   * @param retryAfter a suggested delay before trying again, positive
   * @throws IllegalArgumentException if the delay is not positive
   * @throws NullPointerException if the delay is null
   */
  public StoreUnavailableException(String message, Throwable cause, Duration retryAfter) {
    super(message, cause);
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isZero() || retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
    }
    this.retryAfter = retryAfter;
  }

  /**
   * A suggested delay before trying again.
   *
   * @return the delay, positive
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
