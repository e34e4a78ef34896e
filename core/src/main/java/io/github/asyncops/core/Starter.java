package io.github.asyncops.core;

import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.Worker;
import java.lang.System.Logger.Level;

/**
 * Turns a start request into a QUEUED record and a prepared {@link Execution}: inserts the record
 * under the type's scope slot and the engine's queue limit, calls the worker's {@code start}, and
 * has the {@link Dispatcher} claim queued work. A refused insert leaves nothing behind; a worker
 * whose {@code start} throws ends FAILED without running.
 */
final class Starter {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  private final Engine engine;

  Starter(Engine engine) {
    this.engine = engine;
  }

  /** Starts an operation of a registered type; see {@link OperationEngine#start}. */
  StartOutcome start(RegisteredType rt, StartRequest request) {
    rt.validate(request.parameters());
    OperationType type = rt.type;
    OperationId id = OperationId.random();
    OperationRecord record =
        OperationRecord.queued(
            id,
            type.name(),
            request.owner(),
            request.key(),
            slot(type, request),
            request.parameters(),
            type.retention(),
            engine.now());
    Execution execution = Execution.pending(id, rt);
    engine.local.put(id, execution);
    InsertResult inserted;
    try {
      inserted =
          engine.store.insert(
              record, type.startPolicy() == StartPolicy.RESTART, engine.config.queueCapacity());
    } catch (RuntimeException e) {
      engine.local.remove(id);
      execution.ready(null);
      throw e;
    }
    if (!(inserted instanceof InsertResult.Inserted done)) {
      engine.local.remove(id);
      execution.ready(null);
      return refused(rt, inserted);
    }
    if (done.replaced() != null) {
      try {
        engine.stopped(done.replaced());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not stop " + done.replaced().id() + " for a restart", e);
      }
    }
    engine.notifier.stateChanged(engine.snapshot(record));
    Worker worker;
    try {
      worker = rt.create(request.parameters());
      String first = worker.start();
      if (first != null) {
        execution.progress(0, first);
        engine.store.progress(id, 0, first, engine.now());
      }
    } catch (RuntimeException e) {
      engine.local.remove(id);
      execution.ready(null);
      engine.finish(
          id, OperationState.FAILED, 0, null, Failures.message(e), OperationResult.none());
      LOG.log(Level.WARNING, "operation " + id + " of '" + type.name() + "' failed to start", e);
      return created(record);
    }
    execution.ready(worker);
    rt.submitted.incrementAndGet();
    engine.dispatcher().dispatchQuietly(rt);
    return created(record);
  }

  /**
   * The outcome of a start that created {@code inserted}: its current snapshot, or, if it already
   * ended and was evicted (a zero retention allows that), the last one this engine saw.
   */
  private StartOutcome created(OperationRecord inserted) {
    return new StartOutcome(
        engine.snapshot(engine.store.find(inserted.id()).orElse(inserted)), true);
  }

  private StartOutcome refused(RegisteredType rt, InsertResult result) {
    if (result instanceof InsertResult.Conflict conflict) {
      OperationSnapshot active = engine.snapshot(conflict.active());
      if (rt.type.startPolicy() == StartPolicy.REJECT) {
        throw new OperationConflictException(active);
      }
      return new StartOutcome(active, false);
    }
    throw new CapacityExceededException(
        rt.type.name(), engine.config.queueCapacity(), rt.type.pollInterval());
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
