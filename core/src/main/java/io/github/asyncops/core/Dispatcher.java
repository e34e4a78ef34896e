package io.github.asyncops.core;

import io.github.asyncops.core.spi.OperationRecord;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Moves queued operations onto worker threads and off them again. {@link #dispatch} claims the
 * oldest queued record of a type while the type and the engine have a free slot and hands it to the
 * executor; {@link #complete} records how a run ended, frees its slot and claims the next queued
 * record for the same worker thread, which runs it without a round trip through the executor.
 *
 * <p>Slots are reserved before a claim, so two dispatchers never oversubscribe a type. A dispatcher
 * that found the queue empty checks a per-type counter of inserts, so a start that raced it is not
 * left waiting for the next housekeeping tick.
 */
final class Dispatcher {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  private final Engine engine;
  private final Map<String, RegisteredType> types;
  private final Slots slots;
  private final Executor executor;

  Dispatcher(Engine engine, Map<String, RegisteredType> types, int maxRunning, Executor executor) {
    this.engine = engine;
    this.types = types;
    this.slots = new Slots(maxRunning);
    this.executor = executor;
  }

  /** Claims and launches queued operations of a type while it and the engine have free slots. */
  void dispatch(RegisteredType rt) {
    dispatch(rt, false);
  }

  /**
   * Claims queued operations of a type while it and the engine have free slots and launches them.
   * With {@code forCaller}, returns the first one launched instead of handing it to the executor,
   * for a worker thread that just finished one to run next: that saves the executor's hand-off.
   */
  private Execution dispatch(RegisteredType rt, boolean forCaller) {
    while (!engine.isClosed()) {
      long seen = rt.submitted.get();
      if (!slots.reserve(rt)) {
        return null;
      }
      List<OperationRecord> claimed;
      try {
        claimed = engine.store.claim(rt.type.name(), 1, engine.config.nodeId(), engine.now());
      } catch (RuntimeException e) {
        slots.release(rt);
        throw e;
      }
      if (claimed.isEmpty()) {
        slots.release(rt);
        if (rt.submitted.get() == seen) {
          return null;
        }
        continue;
      }
      Execution launched = launch(rt, claimed.get(0));
      if (launched != null) {
        if (forCaller) {
          return launched;
        }
        submit(launched);
      }
    }
    return null;
  }

  void dispatch(String type) {
    RegisteredType rt = types.get(type);
    if (rt != null) {
      dispatch(rt);
    }
  }

  void dispatchAll() {
    types.values().forEach(this::dispatch);
  }

  /** Prepares a claimed operation to run; null if it cannot or already runs. */
  private Execution launch(RegisteredType rt, OperationRecord record) {
    Execution execution;
    try {
      execution =
          engine.local.computeIfAbsent(
              record.id(),
              id ->
                  Execution.claimed(
                      id,
                      rt,
                      rt.create(record.parameters()),
                      new Progress(record.value(), record.text())));
    } catch (RuntimeException e) {
      slots.release(rt);
      engine.finish(
          record.id(),
          OperationState.FAILED,
          record.value(),
          record.text(),
          Failures.message(e),
          OperationResult.none());
      return null;
    }
    engine.notifier.stateChanged(engine.snapshot(record));
    if (!execution.launch()) {
      slots.release(rt);
      return null;
    }
    return execution;
  }

  /** Hands a launched operation to the executor; fails it if the executor refuses. */
  void submit(Execution execution) {
    try {
      executor.execute(new Run(engine, this, execution));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.ERROR, "the worker executor refused operation " + execution.id, e);
      end(
          execution,
          OperationState.FAILED,
          Progress.NONE,
          engine.isClosed()
              ? "the server is shutting down"
              : "the server could not run the operation",
          OperationResult.none());
    }
  }

  /**
   * Ends an operation that ran here: stores the final state and frees its slot. Then claims the
   * next queued operation of the type for the calling worker thread to run.
   *
   * @return the next operation, launched, or null if none is queued or it could not be claimed
   */
  Execution complete(
      Execution execution,
      OperationState state,
      Progress progress,
      String error,
      OperationResult result) {
    end(execution, state, progress, error, result);
    try {
      return dispatch(execution.type, true);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not claim queued '" + execution.type.type.name() + "' work", e);
      return null;
    }
  }

  /**
   * Stores an operation's final state and frees its slot, without dispatching: after an executor
   * refused a task, dispatching at once would fail the whole queue; the next tick tries again.
   */
  private void end(
      Execution execution,
      OperationState state,
      Progress progress,
      String error,
      OperationResult result) {
    try {
      engine.finish(execution.id, state, progress.value(), progress.text(), error, result);
    } catch (RuntimeException e) {
      LOG.log(
          Level.ERROR,
          "could not record the end of operation "
              + execution.id
              + " ("
              + state
              + "); without heartbeats it will be failed as lost after the lease",
          e);
    } finally {
      engine.local.remove(execution.id);
      slots.release(execution.type);
      engine.signalFinished();
    }
  }

  /**
   * Dispatches where a failure must not reach the caller: the operation was accepted or ended, and
   * the next housekeeping tick dispatches again.
   */
  void dispatchQuietly(RegisteredType rt) {
    try {
      dispatch(rt);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not claim queued '" + rt.type.name() + "' work; retrying", e);
    }
  }
}
