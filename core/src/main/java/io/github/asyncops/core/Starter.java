package io.github.asyncops.core;

import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.spi.Worker;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns a start request into a QUEUED record and a prepared {@link Execution}: inserts the record
 * under the type's scope slot and the engine's queue limit, calls the worker's {@code start}, and
 * has the {@link Dispatcher} claim queued work. A refused insert leaves nothing behind; a worker
 * whose {@code start} throws ends FAILED without running. An insert that finds the request's
 * idempotency key taken answers with the record that holds it, or refuses a start that asks for
 * something else.
 */
final class Starter {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  private final OperationStore store;
  private final Clock clock;
  private final int queueCapacity;
  private final boolean runsWorkers;
  private final LocalExecutions local;
  private final Transitions transitions;
  private final Notifier notifier;
  private final Snapshots snapshots;
  private final Dispatcher dispatcher;

  Starter(
      EngineConfig config,
      LocalExecutions local,
      Transitions transitions,
      Notifier notifier,
      Snapshots snapshots,
      Dispatcher dispatcher) {
    this.store = config.store();
    this.clock = config.clock();
    this.queueCapacity = config.queueCapacity();
    this.runsWorkers = config.runsWorkers();
    this.local = local;
    this.transitions = transitions;
    this.notifier = notifier;
    this.snapshots = snapshots;
    this.dispatcher = dispatcher;
  }

  /** Starts an operation of a registered type; see {@link OperationEngine#start}. */
  StartOutcome start(RegisteredType rt, StartRequest request) {
    rt.validate(request.parameters());
    OperationType type = rt.type;
    OperationId id = OperationId.random();
    Instant now = clock.instant();
    OperationRecord record =
        OperationRecord.queued(
                id,
                type.name(),
                request.owner(),
                request.key(),
                slot(type, request),
                request.parameters(),
                type.retention(),
                now)
            .withIdempotencyKey(request.idempotencyKey(), request.fingerprint());
    Execution execution = Execution.pending(id, rt, now);
    local.put(execution);
    InsertResult inserted;
    try {
      inserted = store.insert(record, type.startPolicy() == StartPolicy.RESTART, queueCapacity);
    } catch (RuntimeException e) {
      local.remove(execution);
      execution.ready(null);
      throw e;
    }
    if (!(inserted instanceof InsertResult.Inserted done)) {
      local.remove(execution);
      execution.ready(null);
      return refused(rt, request, inserted);
    }
    if (done.replaced() != null) {
      try {
        transitions.stopped(done.replaced());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not stop " + done.replaced().id() + " for a restart", e);
      }
    }
    OperationRecord current = done.record();
    notifier.stateChanged(snapshots.of(current));
    Worker worker;
    try {
      worker = rt.create(request.parameters());
      String first = worker.start();
      if (first != null) {
        execution.progress(0, first);
        current = store.progress(id, 0, 0, first, clock.instant()).orElse(current);
      }
    } catch (RuntimeException e) {
      local.remove(execution);
      execution.ready(null);
      transitions.finish(
          id, 0, OperationState.FAILED, 0, null, Failures.message(e), OperationResult.none());
      LOG.log(Level.WARNING, "operation " + id + " of '" + type.name() + "' failed to start", e);
      return created(store.find(id).orElse(current));
    }
    execution.ready(worker);
    if (!runsWorkers) {
      // A client-only node never claims, so the worker it made for start() would only wait here.
      local.remove(execution);
    }
    dispatcher.dispatchQuietly(rt);
    return created(current);
  }

  /** The outcome of a start that created a record: its snapshot as the start left it. */
  private StartOutcome created(OperationRecord record) {
    return new StartOutcome(snapshots.of(record), true);
  }

  private StartOutcome refused(RegisteredType rt, StartRequest request, InsertResult result) {
    if (result instanceof InsertResult.Replay replay) {
      OperationRecord earlier = replay.existing();
      if (!Objects.equals(earlier.fingerprint(), request.fingerprint())) {
        throw new IdempotencyKeyReusedException(rt.type.name(), earlier.id());
      }
      return new StartOutcome(snapshots.of(earlier), false);
    }
    if (result instanceof InsertResult.Conflict conflict) {
      OperationSnapshot active = snapshots.of(conflict.active());
      if (rt.type.startPolicy() == StartPolicy.REJECT) {
        throw new OperationConflictException(active);
      }
      return new StartOutcome(active, false);
    }
    throw new CapacityExceededException(rt.type.name(), queueCapacity, rt.type.pollInterval());
  }

  private static String slot(OperationType type, StartRequest request) {
    return switch (type.scope()) {
      case GLOBAL -> "*";
      case USER -> request.owner() == null ? "" : request.owner();
      case KEY -> {
        if (request.key() == null || request.key().isEmpty()) {
          throw new InvalidParametersException(
              "key", "operation type '" + type.name() + "' needs a key");
        }
        yield request.key();
      }
      case NONE -> null;
    };
  }
}
