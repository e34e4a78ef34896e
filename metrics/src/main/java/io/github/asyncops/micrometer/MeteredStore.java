package io.github.asyncops.micrometer;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.Subscription;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.ForwardingOperationStore;
import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.spi.StoreListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Forwards every call to a store and counts the calls that throw, tagged with the call's name, and
 * the inserts refused for a full queue. {@code progressInterval} is configuration, not a call, and
 * is only forwarded.
 */
final class MeteredStore extends ForwardingOperationStore {
  private final MeterRegistry registry;

  MeteredStore(OperationStore store, MeterRegistry registry) {
    super(store);
    this.registry = registry;
  }

  private <T> T counted(String call, Supplier<T> forward) {
    try {
      return forward.get();
    } catch (RuntimeException e) {
      Counter.builder("asyncops.store.errors")
          .description("Store calls that threw")
          .tag("call", call)
          .register(registry)
          .increment();
      throw e;
    }
  }

  private void counted(String call, Runnable forward) {
    counted(
        call,
        () -> {
          forward.run();
          return null;
        });
  }

  @Override
  public InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
    InsertResult result = counted("insert", () -> super.insert(record, replaceActive, queueLimit));
    if (result instanceof InsertResult.Full) {
      Counter.builder("asyncops.operations.rejected")
          .description("Starts refused because the queue was full")
          .tags("type", record.type(), "reason", "capacity")
          .register(registry)
          .increment();
    }
    return result;
  }

  @Override
  public Optional<OperationRecord> find(OperationId id) {
    return counted("find", () -> super.find(id));
  }

  @Override
  public boolean forgotten(OperationId id) {
    return counted("forgotten", () -> super.forgotten(id));
  }

  @Override
  public List<OperationRecord> list(OperationQuery query) {
    return counted("list", () -> super.list(query));
  }

  @Override
  public List<OperationRecord> claim(ClaimRequest request, Instant now) {
    return counted("claim", () -> super.claim(request, now));
  }

  @Override
  public Optional<OperationRecord> requestStop(OperationId id, String text, Instant now) {
    return counted("requestStop", () -> super.requestStop(id, text, now));
  }

  @Override
  public Optional<OperationRecord> progress(
      OperationId id, long epoch, Progress progress, Instant now) {
    return counted("progress", () -> super.progress(id, epoch, progress, now));
  }

  @Override
  public Optional<OperationRecord> finish(OperationId id, long epoch, Ending ending, Instant now) {
    return counted("finish", () -> super.finish(id, epoch, ending, now));
  }

  @Override
  public Handover finishAndClaim(
      OperationId id, long epoch, Ending ending, ClaimRequest next, Instant now) {
    return counted("finishAndClaim", () -> super.finishAndClaim(id, epoch, ending, next, now));
  }

  @Override
  public Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now) {
    return counted("heartbeat", () -> super.heartbeat(node, held, now));
  }

  @Override
  public List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
    return counted("expire", () -> super.expire(staleBefore, error, now));
  }

  @Override
  public int evict(Instant now) {
    return counted("evict", () -> super.evict(now));
  }

  @Override
  public void tick(Instant now) {
    counted("tick", () -> super.tick(now));
  }

  @Override
  public boolean delete(OperationId id) {
    return counted("delete", () -> super.delete(id));
  }

  @Override
  public void register(List<OperationType> types) {
    counted("register", () -> super.register(types));
  }

  @Override
  public Subscription listen(StoreListener listener) {
    return counted("listen", () -> super.listen(listener));
  }
}
