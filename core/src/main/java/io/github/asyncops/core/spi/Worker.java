package io.github.asyncops.core.spi;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Progress;

/**
 * One operation's work. A {@link WorkerProvider} creates a fresh worker for every operation, so a
 * worker may keep state in fields. The lifecycle mirrors M3's {@code IBackgroundWorker}: {@link
 * #start}, {@link #run}, {@link #stop} and {@link #ping}.
 *
 * <p>Only {@link #run} is required, so a worker can be a lambda.
 */
@FunctionalInterface
public interface Worker {

  /**
   * Called once per run, before {@link #run}, on the node that claimed the operation. When the
   * start request's own call claims the operation at once, this runs on the starting caller's
   * thread, so the start's answer carries this text. Every other claim (news from another node, a
   * requeue, the housekeeping tick, a worker thread taking the next queued operation) calls it on
   * the worker thread at the beginning of the run, so a slow {@code start} never delays the
   * engine's housekeeping or heartbeats; its text then shows from the next progress publication. A
   * node that only starts the operation never makes its worker, so the classes behind it need not
   * be on that node's class path.
   *
   * <p>If this throws, the operation ends {@code FAILED} with the exception's message and never
   * runs.
   *
   * @return the first status text (for example "Поехали!"), or null for none, in which case the
   *     engine asks {@link #startMessage()}
   */
  default String start() {
    return null;
  }

  /**
   * The first status as a message, which each viewer reads in their language. Called right after
   * {@link #start}, on the same thread, only if {@code start} returned null; a worker that speaks
   * in messages overrides this one and may leave {@code start} alone. If this throws, the operation
   * ends as when {@code start} throws.
   *
   * @return the first status (for example {@code Message.of("flight.started")}), or null for none
   */
  default Message startMessage() {
    return null;
  }

  /**
   * Does the work, on an engine thread. Reports progress through {@code context} and checks {@link
   * WorkerContext#stopRequested()} often; a worker that sees a stop request should return promptly.
   *
   * <p>Returning normally ends the operation {@code SUCCEEDED} with the returned result, or {@code
   * STOPPED} if the worker had seen a stop request. Throwing anything, errors included, ends it
   * {@code FAILED} with the message, or {@code STOPPED} if it was interrupted after a stop request;
   * a {@link VirtualMachineError} is thrown on after the operation is recorded.
   *
   * @param context the operation's context
   * @return the result, or {@link OperationResult#none()}; null counts as none
   * @throws Exception any failure, which fails the operation
   */
  OperationResult run(WorkerContext context) throws Exception;

  /**
   * Called once when a stop is requested, on the requesting thread, while {@link #run} may still be
   * running on another. It must not block; the stop itself is cooperative.
   *
   * <p>If this throws, the exception is logged and the stop proceeds.
   *
   * @return the status text while stopping and once stopped (for example "Полет отменен"), or null
   *     to keep the last text or, if {@link #stopMessage()} gives one, to show that message
   */
  default String stop() {
    return null;
  }

  /**
   * The status while stopping and once stopped, as a message. Called right after {@link #stop}, on
   * the same thread, only if {@code stop} returned null; it must not block. If this throws, the
   * exception is logged and the stop proceeds.
   *
   * @return the status (for example {@code Message.of("flight.cancelled")}), or null to keep the
   *     last one
   */
  default Message stopMessage() {
    return null;
  }

  /**
   * Computes what pollers see while the operation is running, on the polling thread. By default it
   * is what {@link #run} last reported.
   *
   * <p>If this throws, the exception is logged and {@code reported} is shown.
   *
   * @param reported what {@link #run} last reported
   * @return the progress to show
   */
  default Progress ping(Progress reported) {
    return reported;
  }
}
