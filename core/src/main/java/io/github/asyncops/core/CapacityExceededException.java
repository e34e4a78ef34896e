package io.github.asyncops.core;

import java.time.Duration;

/** A start was refused because the engine's queue is full. Try again later. */
public final class CapacityExceededException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param type the type that could not start
   * @param queueCapacity the queue's capacity
   * @param retryAfter a suggested delay before trying again
   */
  public CapacityExceededException(String type, int queueCapacity, Duration retryAfter) {
    super(
        "cannot start '"
            + type
            + "': all "
            + queueCapacity
            + " queue places are taken, retry after "
            + retryAfter.toSeconds()
            + " s");
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
