package io.github.asyncops.core;

import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.Worker;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs one worker on an executor thread and decides how its operation ends.
 *
 * <p>A worker that returns after it saw a stop request ends STOPPED; one that returns without
 * having seen it ends SUCCEEDED, the stop having come too late. A worker that throws ends FAILED,
 * unless a stop was requested and it saw it or was interrupted, which ends it STOPPED. A timeout is
 * a stop request whose end is FAILED "timed out".
 *
 * <p>The worker's {@code start} runs here first, unless the start request's own claim already
 * called it on the starting caller's thread.
 *
 * <p>When its operation ends, the thread goes on with the next queued operation of the type, if the
 * dispatcher claims one for it.
 */
final class Run implements Runnable {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");
  static final String TIMED_OUT = "timed out";

  private final Dispatcher dispatcher;
  private final Clock clock;
  private final Execution first;

  Run(Dispatcher dispatcher, Clock clock, Execution first) {
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.first = first;
  }

  @Override
  public void run() {
    String threadName = Thread.currentThread().getName();
    try {
      Execution next = first;
      while (next != null) {
        // Clear an interrupt meant for the previous operation or the pool, as a pool does between
        // tasks: the engine's close ends this loop, and a stuck worker is interrupted while bound.
        Thread.interrupted();
        next = runOne(next, threadName);
      }
    } finally {
      ThreadLabel.restore(threadName);
    }
  }

  /** Runs one operation to its end; returns the next one to run on this thread, or null. */
  private Execution runOne(Execution execution, String threadName) {
    Worker worker = execution.worker();
    Duration timeout = execution.type.type.timeout();
    execution.enter(timeout.isZero() ? null : clock.instant().plus(timeout));
    OperationResult result = null;
    Throwable failure = null;
    ThreadLabel.enter(execution, threadName);
    try {
      if (execution.takeStart()) {
        execution.start();
      }
      result = worker.run(execution);
    } catch (Throwable e) {
      failure = e;
    } finally {
      execution.exit();
    }
    Execution next = end(execution, result, failure);
    if (failure instanceof VirtualMachineError fatal) {
      if (next != null) {
        dispatcher.submit(next);
      }
      throw fatal;
    }
    return next;
  }

  private Execution end(Execution execution, OperationResult result, Throwable failure) {
    Progress last = execution.finalProgress();
    boolean stopped =
        execution.isStopRequested()
            && (execution.stopObserved()
                || (failure != null
                    && (execution.wasInterrupted() || Failures.isInterruption(failure))));
    if (stopped) {
      return dispatcher.complete(
          execution, execution.timedOut() ? Ending.failed(last, TIMED_OUT) : Ending.stopped(last));
    }
    if (failure != null) {
      LOG.log(Level.INFO, "operation " + execution.id + " failed", failure);
      return dispatcher.complete(execution, execution.failed(last, failure));
    }
    return dispatcher.complete(
        execution, Ending.succeeded(last.at(1), result == null ? OperationResult.none() : result));
  }
}
