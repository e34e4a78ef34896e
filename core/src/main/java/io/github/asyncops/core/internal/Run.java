package io.github.asyncops.core.internal;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.Worker;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Runs one worker on an executor thread and decides how its operation ends.
 *
 * <p>A worker that returns after it saw a stop request ends STOPPED; one that returns without
 * having seen it ends SUCCEEDED, the stop having come too late. A worker that throws ends FAILED,
 * unless a stop was requested and it saw it or was interrupted, which ends it STOPPED. A timeout is
 * a stop request whose end is FAILED "timed out".
 */
final class Run implements Runnable {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");
  static final String TIMED_OUT = "timed out";

  private final Engine engine;
  private final Dispatcher dispatcher;
  private final Execution execution;

  Run(Engine engine, Dispatcher dispatcher, Execution execution) {
    this.engine = engine;
    this.dispatcher = dispatcher;
    this.execution = execution;
  }

  @Override
  public void run() {
    Worker worker;
    try {
      worker = execution.awaitReady();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker = null;
    }
    if (worker == null) {
      dispatcher.complete(
          execution,
          OperationState.FAILED,
          Progress.NONE,
          "the operation failed to start",
          OperationResult.none());
      return;
    }
    Duration timeout = execution.type.type.timeout();
    execution.enter(timeout.isZero() ? null : engine.now().plus(timeout));
    OperationResult result = null;
    Throwable failure = null;
    try {
      result = worker.run(execution);
    } catch (Throwable e) {
      failure = e;
    } finally {
      execution.exit();
    }
    end(result, failure);
    if (failure instanceof VirtualMachineError fatal) {
      throw fatal;
    }
  }

  private void end(OperationResult result, Throwable failure) {
    Progress last = execution.finalProgress();
    boolean stopped =
        execution.isStopRequested()
            && (execution.stopObserved()
                || (failure != null
                    && (execution.wasInterrupted() || Failures.isInterruption(failure))));
    if (stopped) {
      OperationState state = execution.timedOut() ? OperationState.FAILED : OperationState.STOPPED;
      dispatcher.complete(
          execution, state, last, execution.timedOut() ? TIMED_OUT : null, OperationResult.none());
    } else if (failure != null) {
      LOG.log(Level.INFO, "operation " + execution.id + " failed", failure);
      dispatcher.complete(
          execution,
          OperationState.FAILED,
          last,
          Failures.message(failure),
          OperationResult.none());
    } else {
      dispatcher.complete(
          execution,
          OperationState.SUCCEEDED,
          new Progress(1, last.text()),
          null,
          result == null ? OperationResult.none() : result);
    }
  }
}
