package io.github.asyncops.core.internal;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.OperationRecord;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The engine's periodic tick: publishes progress, enforces timeouts and stop grace periods,
 * heartbeats, expires the operations of lost nodes, evicts what outlived its retention, and
 * dispatches queued work. Runs on the scheduler, never twice at once.
 */
final class Housekeeping implements Runnable {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");
  static final String NODE_LOST = "the server running the operation was lost";

  private final Engine engine;
  private Instant nextHeartbeat = Instant.MIN;

  /** Whether the last tick failed, so an outage is logged once rather than ten times a second. */
  private boolean failing;

  /** The first failure of the current tick, or null. */
  private RuntimeException failed;

  Housekeeping(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void run() {
    Instant now = engine.now();
    failed = null;
    if (!now.isBefore(nextHeartbeat)) {
      step(() -> heartbeat(now));
      nextHeartbeat = now.plus(engine.config.heartbeatInterval());
    }
    for (Execution execution : engine.local.values()) {
      step(() -> publishProgress(execution, now));
      step(
          () -> {
            if (!execution.isStopRequested() && execution.timeoutPassed(now)) {
              execution.markTimedOut();
              engine.stop(execution.id);
            }
          });
      execution.interruptIfOverdue(now);
    }
    step(engine.remote::refresh);
    step(() -> engine.store.evict(now));
    step(engine.dispatcher()::dispatchAll);
    if (failed == null && failing) {
      failing = false;
      LOG.log(Level.INFO, "housekeeping works again");
    } else if (failed != null && !failing) {
      failing = true;
      LOG.log(
          Level.WARNING,
          "housekeeping failed; retrying every tick, quietly until it works",
          failed);
    }
  }

  /**
   * Runs one part of the tick. A failing part (a store outage, say) must not stop the others: a
   * node whose heartbeat stopped because eviction failed would lose its operations to the lease.
   */
  private void step(Runnable part) {
    try {
      part.run();
    } catch (RuntimeException e) {
      if (failed == null) {
        failed = e;
      }
    }
  }

  private void publishProgress(Execution execution, Instant now) {
    if (!execution.launched()) {
      return;
    }
    boolean timeNews = execution.sample(now);
    if (execution.takeChange() != null) {
      Progress shown = execution.ping();
      engine.store.progress(execution.id, shown.value(), shown.text(), now);
      engine
          .store
          .find(execution.id)
          .ifPresent(r -> engine.notifier.progressed(engine.snapshot(r)));
    } else if (timeNews) {
      engine
          .store
          .find(execution.id)
          .ifPresent(r -> engine.notifier.progressed(engine.snapshot(r)));
    }
  }

  private void heartbeat(Instant now) {
    for (Execution execution : engine.local.values()) {
      if (!execution.launched()) {
        engine.store.find(execution.id).ifPresent(engine::dropIfClaimedElsewhere);
      }
    }
    List<OperationId> running =
        engine.local.values().stream().filter(Execution::launched).map(e -> e.id).toList();
    Set<OperationId> stopRequested = engine.store.heartbeat(engine.config.nodeId(), running, now);
    for (OperationId id : stopRequested) {
      Execution execution = engine.local.get(id);
      if (execution != null && !execution.isStopRequested()) {
        engine.store.find(id).ifPresent(engine::stopped);
      }
    }
    List<OperationRecord> lost =
        engine.store.expire(now.minus(engine.config.lease()), NODE_LOST, now);
    lost.forEach(r -> engine.notifier.stateChanged(engine.snapshot(r)));
  }
}
