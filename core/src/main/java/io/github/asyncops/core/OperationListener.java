package io.github.asyncops.core;

/**
 * Observes operations without polling. Register one with {@link
 * OperationEngine.Builder#listener(OperationListener)} for all operations, or with {@link
 * OperationEngine#watch(OperationId, OperationListener)} for one.
 *
 * <p>Methods run on the thread that caused the change (state changes) or on the engine's
 * housekeeping thread (progress), so they must return quickly. An exception thrown by a listener is
 * logged and otherwise ignored.
 */
public interface OperationListener {

  /**
   * Called after an operation changed state, including its creation.
   *
   * @param snapshot the operation after the change
   */
  default void stateChanged(OperationSnapshot snapshot) {}

  /**
   * Called after a running operation reported progress, at most once per housekeeping tick per
   * operation (see {@link OperationEngine.Builder#tickInterval(java.time.Duration)}).
   *
   * @param snapshot the operation with its new progress
   */
  default void progressed(OperationSnapshot snapshot) {}

  /**
   * Called on a watcher (see {@link OperationEngine#watch}) when its operation was forgotten before
   * this engine saw it end, for example when another node deleted it at once. Nothing more will be
   * heard of it.
   *
   * @param id the forgotten operation
   */
  default void forgotten(OperationId id) {}
}
