package io.github.asyncops.core;

import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Answers {@link io.github.asyncops.core.OperationEngine#health()}: reads the store (which proves
 * it reachable and counts the queue), compares the last heartbeat with the interval, and looks for
 * local workers that outran their timeout or stop grace period. The housekeeping tick reports each
 * heartbeat through {@link #heartbeatDone}.
 */
final class HealthCheck {
  /** The lateness, in heartbeat intervals, after which heartbeats count as not on time. */
  private static final int LATE_INTERVALS = 2;

  private final EngineConfig config;
  private final OperationStore store;
  private final Collection<RegisteredType> types;
  private final LocalExecutions local;
  private final Clock clock;
  private final Instant startedAt;
  private volatile Instant lastHeartbeat;

  HealthCheck(EngineConfig config, Collection<RegisteredType> types, LocalExecutions local) {
    this.config = config;
    this.store = config.store();
    this.types = types;
    this.local = local;
    this.clock = config.clock();
    this.startedAt = clock.instant();
  }

  /**
   * Records a heartbeat step that reached the store: the heartbeat of the operations this node
   * holds, if it holds any, and the expiry of lost nodes' operations.
   */
  void heartbeatDone(Instant at) {
    lastHeartbeat = at;
  }

  EngineHealth check() {
    Instant now = clock.instant();
    Instant beat = lastHeartbeat;
    Duration allowed = config.heartbeatInterval().multipliedBy(LATE_INTERVALS);
    boolean onTime = !now.isAfter((beat != null ? beat : startedAt).plus(allowed));
    List<EngineHealth.TypeLoad> loads = new ArrayList<>();
    String problem = null;
    try {
      for (RegisteredType rt : types) {
        loads.add(load(rt.type.name()));
      }
    } catch (RuntimeException e) {
      problem = e.getMessage() != null ? e.getMessage() : "the store failed without a message";
      loads.clear();
    }
    int queued = loads.stream().mapToInt(EngineHealth.TypeLoad::queued).sum();
    return new EngineHealth(
        now,
        problem == null,
        problem,
        beat,
        onTime,
        queued,
        config.queueCapacity(),
        loads.stream().sorted((a, b) -> a.type().compareTo(b.type())).toList(),
        stuck(now));
  }

  private EngineHealth.TypeLoad load(String type) {
    int queued = 0;
    int running = 0;
    for (OperationRecord r :
        store.list(OperationQuery.of(type).withActiveOnly(true).withLimit(Integer.MAX_VALUE))) {
      if (r.state() == OperationState.QUEUED) {
        queued++;
      } else if (config.nodeId().equals(r.lease().node())) {
        running++;
      }
    }
    return new EngineHealth.TypeLoad(type, queued, running);
  }

  private List<EngineHealth.StuckOperation> stuck(Instant now) {
    List<EngineHealth.StuckOperation> stuck = new ArrayList<>();
    for (Execution execution : local.all()) {
      Execution.Overdue overdue = execution.overdue(now, config.stopGrace());
      if (overdue != null) {
        stuck.add(
            new EngineHealth.StuckOperation(
                execution.id, execution.type.type.name(), overdue.by(), overdue.thread()));
      }
    }
    return stuck;
  }
}
