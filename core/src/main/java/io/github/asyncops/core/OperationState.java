package io.github.asyncops.core;

/**
 * Where an operation is in its life.
 *
 * <p>An operation starts {@link #QUEUED}, becomes {@link #RUNNING} when an engine thread picks it
 * up, may pass through {@link #STOPPING} after a stop request, and ends in exactly one of the final
 * states {@link #SUCCEEDED}, {@link #FAILED} or {@link #STOPPED}.
 */
public enum OperationState {
  /** Accepted and waiting for a free slot. */
  QUEUED,
  /** The worker's {@code run} is executing. */
  RUNNING,
  /** A stop was requested and the worker has not ended yet. */
  STOPPING,
  /** The worker finished its work; a result may be available. */
  SUCCEEDED,
  /** The worker threw, timed out or its node was lost; the snapshot's error says why. */
  FAILED,
  /** The worker honoured a stop request, or the operation was stopped while queued. */
  STOPPED;

  /**
   * Tells whether the operation may still change.
   *
   * @return true for {@link #QUEUED}, {@link #RUNNING} and {@link #STOPPING}
   */
  public boolean isActive() {
    return this == QUEUED || this == RUNNING || this == STOPPING;
  }

  /**
   * Tells whether this state is final.
   *
   * @return true for {@link #SUCCEEDED}, {@link #FAILED} and {@link #STOPPED}
   */
  public boolean isFinal() {
    return !isActive();
  }
}
