package io.github.asyncops.core;

import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine's periodic tick: publishes progress (throttled by the store's {@link
 * OperationStore#progressInterval()}), enforces timeouts and stop grace periods, heartbeats, lets
 * go of operations this node lost, expires the operations of lost nodes, runs the store's own
 * {@link OperationStore#tick}, and dispatches queued work that news announced. Runs on the
 * scheduler, never twice at once.
 *
 * <p>Fencing. The heartbeat tells which held operations the store no longer gives this node; and an
 * operation whose lease this node could not renew for {@code lease - heartbeatInterval} (a database
 * outage, a pause of the whole process) is let go before other nodes may take it over, as far as a
 * pause allows. Either way the worker gets a stop request and, after the stop grace, an interrupt
 * ({@link Transitions#lose}).
 */
final class Housekeeping implements Runnable {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");
  static final String NODE_LOST = "the server running the operation was lost";

  private final OperationStore store;
  private final Clock clock;
  private final String nodeId;
  private final Duration heartbeatInterval;
  private final Duration lease;
  private final LocalExecutions local;
  private final Transitions transitions;
  private final Dispatcher dispatcher;
  private final RemoteWatch remote;
  private final Collection<RegisteredType> types;
  private final Notifier notifier;
  private final Snapshots snapshots;
  private final HealthCheck health;
  private final Consumer<OperationId> stop;
  private final Duration progressInterval;
  private Instant nextHeartbeat = Instant.MIN;

  /** Whether the last tick failed, so an outage is logged once rather than ten times a second. */
  private boolean failing;

  /** The first failure of the current tick, or null. */
  private RuntimeException failed;

  Housekeeping(
      EngineConfig config,
      LocalExecutions local,
      Transitions transitions,
      Dispatcher dispatcher,
      RemoteWatch remote,
      Collection<RegisteredType> types,
      Notifier notifier,
      Snapshots snapshots,
      HealthCheck health,
      Consumer<OperationId> stop) {
    this.store = config.store();
    this.clock = config.clock();
    this.nodeId = config.nodeId();
    this.heartbeatInterval = config.heartbeatInterval();
    this.lease = config.lease();
    this.local = local;
    this.transitions = transitions;
    this.dispatcher = dispatcher;
    this.remote = remote;
    this.types = types;
    this.notifier = notifier;
    this.snapshots = snapshots;
    this.health = health;
    this.stop = stop;
    this.progressInterval = store.progressInterval();
  }

  @Override
  public void run() {
    Instant now = clock.instant();
    failed = null;
    boolean beat = !now.isBefore(nextHeartbeat);
    if (beat && step(() -> heartbeat(now))) {
      // A failed heartbeat is tried again at the next tick rather than after a whole interval, so
      // that leases are renewed, and health is on time, as soon as the store answers again.
      nextHeartbeat = now.plus(heartbeatInterval);
    }
    Instant unrenewedBefore = now.minus(lease).plus(heartbeatInterval);
    for (Execution execution : local.all()) {
      if (!execution.launched()) {
        continue;
      }
      if (!execution.lost() && !execution.renewedAt().isAfter(unrenewedBefore)) {
        transitions.lose(execution, "its lease could not be renewed");
      }
      step(() -> publishProgress(execution, now));
      step(
          () -> {
            if (!execution.isStopRequested() && execution.timeoutPassed(now)) {
              execution.markTimedOut();
              stop.accept(execution.id);
            }
          });
      execution.interruptIfOverdue(now);
    }
    step(remote::refresh);
    step(() -> store.tick(now));
    step(() -> dispatcher.dispatchAll(types, beat));
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
   * node whose heartbeat stopped because eviction failed would lose its operations to the lease. An
   * unavailable store logs its outage itself, once; other failures are logged once by {@link #run}.
   *
   * @return whether the part ran without throwing
   */
  private boolean step(Runnable part) {
    try {
      part.run();
      return true;
    } catch (StoreUnavailableException e) {
      LOG.log(Level.DEBUG, "housekeeping: " + e.getMessage());
      return false;
    } catch (RuntimeException e) {
      if (failed == null) {
        failed = e;
      }
      return false;
    }
  }

  private void publishProgress(Execution execution, Instant now) {
    if (execution.lost()) {
      return;
    }
    boolean timeNews = execution.sample(now);
    if (!execution.progressDue(now) || execution.takeChange() == null) {
      if (timeNews) {
        Optional<OperationRecord> found;
        try {
          found = store.find(execution.id);
        } catch (StoreUnavailableException e) {
          found = Optional.ofNullable(execution.known());
        }
        found.ifPresent(r -> notifier.progressed(snapshots.of(r)));
      }
      return;
    }
    Progress shown = execution.ping();
    execution.progressWritten(now, progressInterval);
    Optional<OperationRecord> stored;
    try {
      stored = store.progress(execution.id, execution.epoch(), shown, now);
    } catch (StoreUnavailableException e) {
      // Listeners of an operation that runs here still hear its progress, from memory; the store
      // gets it once it answers again.
      execution.republish();
      OperationRecord known = execution.known();
      if (known != null) {
        notifier.progressed(snapshots.of(known));
      }
      throw e;
    }
    if (stored.isPresent()) {
      execution.known(stored.get());
      notifier.progressed(snapshots.of(stored.get()));
    } else {
      transitions.lose(execution, "the store refused its progress");
    }
  }

  private void heartbeat(Instant now) {
    Map<OperationId, Long> held = new HashMap<>();
    for (Execution execution : local.all()) {
      if (execution.launched() && !execution.lost()) {
        held.put(execution.id, execution.epoch());
      }
    }
    Heartbeat answer = held.isEmpty() ? Heartbeat.NONE : store.heartbeat(nodeId, held, now);
    held.forEach(
        (id, epoch) -> {
          Execution execution = local.get(id);
          if (execution == null || execution.ran()) {
            // Ended between the heartbeat's look and its answer; its finish is written already.
            return;
          }
          if (answer.lost().contains(id)) {
            transitions.lose(execution, "another node holds it, or it ended");
          } else {
            execution.renewed(now);
          }
        });
    for (OperationId id : answer.stopRequested()) {
      Execution execution = local.get(id);
      if (execution != null && !execution.isStopRequested()) {
        store.find(id).ifPresent(transitions::stopped);
      }
    }
    List<OperationRecord> lost = store.expire(now.minus(lease), NODE_LOST, now);
    health.heartbeatDone(now);
    for (OperationRecord r : lost) {
      notifier.stateChanged(snapshots.of(r));
      if (r.state() == OperationState.QUEUED) {
        types.stream()
            .filter(t -> t.type.name().equals(r.type()))
            .forEach(t -> t.submitted.incrementAndGet());
      }
    }
  }
}
