package io.github.asyncops.core;

import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns a start request into a QUEUED record: inserts it under the type's scope slot and the
 * engine's queue limit, and has the {@link Dispatcher} claim queued work. It makes no worker: the
 * node that claims the operation does, so a node that does not run the type needs no worker class.
 * A refused insert leaves nothing behind. An insert that finds the request's idempotency key taken
 * answers with the record that holds it, or refuses a start that asks for something else.
 */
final class Starter {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  private final OperationStore store;
  private final Clock clock;
  private final int queueCapacity;
  private final Transitions transitions;
  private final Notifier notifier;
  private final Snapshots snapshots;
  private final Dispatcher dispatcher;

  Starter(
      EngineConfig config,
      Transitions transitions,
      Notifier notifier,
      Snapshots snapshots,
      Dispatcher dispatcher) {
    this.store = config.store();
    this.clock = config.clock();
    this.queueCapacity = config.queueCapacity();
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
            .withIdempotency(idempotency(request));
    InsertResult inserted =
        store.insert(record, type.startPolicy() == StartPolicy.RESTART, queueCapacity);
    if (!(inserted instanceof InsertResult.Inserted done)) {
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
    dispatcher.dispatchQuietly(rt, current.id());
    return created(current);
  }

  private static OperationRecord.Idempotency idempotency(StartRequest request) {
    return request.idempotencyKey() == null
        ? null
        : new OperationRecord.Idempotency(request.idempotencyKey(), request.fingerprint());
  }

  /** The outcome of a start that created a record: its snapshot as the start left it. */
  private StartOutcome created(OperationRecord record) {
    return new StartOutcome(snapshots.of(record), true);
  }

  private StartOutcome refused(RegisteredType rt, StartRequest request, InsertResult result) {
    if (result instanceof InsertResult.Replay replay) {
      OperationRecord earlier = replay.existing();
      if (!Objects.equals(earlier.idempotency().fingerprint(), request.fingerprint())) {
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
