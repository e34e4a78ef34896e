package io.github.asyncops.core;

import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The state changes the engine writes for operations it holds, each followed by telling listeners:
 * finishing, acting on a stop request, and letting go of an operation the node lost. Writes carry
 * the execution's epoch, so a node that lost an operation never changes it (see {@link
 * OperationStore}).
 */
final class Transitions {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  private final OperationStore store;
  private final Clock clock;
  private final Duration stopGrace;
  private final LocalExecutions local;
  private final Notifier notifier;
  private final Snapshots snapshots;

  Transitions(
      OperationStore store,
      Clock clock,
      Duration stopGrace,
      LocalExecutions local,
      Notifier notifier,
      Snapshots snapshots) {
    this.store = store;
    this.clock = clock;
    this.stopGrace = stopGrace;
    this.local = local;
    this.notifier = notifier;
    this.snapshots = snapshots;
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * Stores a final state under the execution's epoch and tells listeners, unless the operation was
   * already final or this node lost it; a lost execution writes nothing.
   */
  void finish(OperationId id, long epoch, Ending ending) {
    store.finish(id, epoch, ending, now()).ifPresent(r -> notifier.stateChanged(snapshots.of(r)));
  }

  /**
   * Acts on a stop request recorded in the store: signals a local execution of it and stores the
   * worker's stop text, then tells listeners. A thread that finds the execution already told leaves
   * the telling to the thread that told it, so listeners hear each stop once.
   *
   * @return the record as callers should see it, with the worker's stop text
   */
  OperationRecord stopped(OperationRecord record) {
    Execution execution = local.get(record.id());
    if (execution == null) {
      notifier.stateChanged(snapshots.of(record));
      return record;
    }
    Execution.Stop stop = execution.requestStop(now().plus(stopGrace));
    return stop == null ? record : publishStop(record, execution, stop);
  }

  /**
   * Stores a stop text, lets go of an execution the stop ended, and tells listeners.
   *
   * @return the record as callers should see it: with the stop text even when the worker ended
   *     before the text could be stored, which its final record then carries
   */
  OperationRecord publishStop(OperationRecord record, Execution execution, Execution.Stop stop) {
    OperationRecord shown = record;
    if (stop != null && stop.text() != null && !record.state().isFinal()) {
      Progress progress = new Progress(record.progress().value(), stop.text(), stop.message());
      shown =
          store
              .progress(record.id(), execution.epoch(), progress, now())
              .orElseGet(() -> record.withProgress(progress, now()));
    }
    if (record.state().isFinal()) {
      local.remove(execution);
    } else {
      execution.known(shown);
    }
    notifier.stateChanged(snapshots.of(shown));
    return shown;
  }

  /**
   * Lets go of an operation this node no longer holds: the store refused a write, the heartbeat
   * said another node has it, or the lease ran out without a renewal. The worker gets a stop
   * request, and an interrupt once the stop grace has passed; nothing it does reaches the store.
   */
  void lose(Execution execution, String why) {
    if (execution.lose(now().plus(stopGrace))) {
      LOG.log(
          Level.WARNING,
          "operation "
              + execution.id
              + " is no longer held by this node ("
              + why
              + "); stopping it");
    }
  }
}
