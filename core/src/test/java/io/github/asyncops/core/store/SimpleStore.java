package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A deliberately simple store: one map under one lock, every rule taken from {@link
 * OperationRecord}'s transitions. It shows what the SPI asks of a store author, and that the
 * contract holds for a store written from its javadoc rather than from the in-memory store.
 */
final class SimpleStore implements OperationStore {
  private final Map<OperationId, OperationRecord> records = new LinkedHashMap<>();
  private final Set<OperationId> forgotten = new HashSet<>();
  private Set<String> restartable = Set.of();

  @Override
  public synchronized InsertResult insert(
      OperationRecord record, boolean replaceActive, int queueLimit) {
    if (record.idempotency() != null) {
      Optional<OperationRecord> holder =
          first(
              r ->
                  r.idempotency() != null
                      && r.type().equals(record.type())
                      && Objects.equals(r.owner(), record.owner())
                      && r.idempotency().key().equals(record.idempotency().key()));
      if (holder.isPresent()) {
        return new InsertResult.Replay(holder.get());
      }
    }
    Optional<OperationRecord> active =
        first(
            r ->
                record.slot() != null
                    && r.state().isActive()
                    && r.type().equals(record.type())
                    && record.slot().equals(r.slot()));
    if (active.isPresent() && !replaceActive) {
      return new InsertResult.Conflict(active.get());
    }
    long queued = records.values().stream().filter(r -> r.state() == OperationState.QUEUED).count();
    if (queued >= queueLimit) {
      return new InsertResult.Full((int) queued);
    }
    OperationRecord replaced =
        active
            .map(a -> put(a.withoutSlot().withStopRequest(null, record.times().createdAt())))
            .orElse(null);
    records.put(record.id(), record);
    return new InsertResult.Inserted(record, replaced);
  }

  @Override
  public synchronized Optional<OperationRecord> find(OperationId id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public synchronized boolean forgotten(OperationId id) {
    return forgotten.contains(id);
  }

  @Override
  public synchronized List<OperationRecord> list(OperationQuery query) {
    return records.values().stream()
        .filter(query::matches)
        .sorted(OperationQuery.NEWEST_FIRST)
        .limit(query.limit())
        .toList();
  }

  @Override
  public synchronized List<OperationRecord> claim(ClaimRequest request, Instant now) {
    return records.values().stream()
        .filter(r -> r.state() == OperationState.QUEUED && r.type().equals(request.type()))
        .sorted(Comparator.comparing(r -> r.times().createdAt()))
        .limit(request.max())
        .toList()
        .stream()
        .map(r -> put(r.claimedBy(request.node(), now)))
        .toList();
  }

  @Override
  public synchronized Optional<OperationRecord> requestStop(
      OperationId id, String text, Instant now) {
    return find(id).map(r -> r.state().isFinal() ? r : put(r.withStopRequest(text, now)));
  }

  @Override
  public synchronized Optional<OperationRecord> progress(
      OperationId id, long epoch, Progress progress, Instant now) {
    return write(id, epoch, r -> r.withProgress(progress, now));
  }

  @Override
  public synchronized Optional<OperationRecord> finish(
      OperationId id, long epoch, Ending ending, Instant now) {
    return write(id, epoch, r -> r.finished(ending, now));
  }

  @Override
  public synchronized Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now) {
    Set<OperationId> stopRequested = new HashSet<>();
    Set<OperationId> lost = new HashSet<>();
    held.forEach(
        (id, epoch) -> {
          OperationRecord r = records.get(id);
          if (r == null || !r.state().isActive() || !r.lease().heldBy(node, epoch)) {
            lost.add(id);
            return;
          }
          if (put(r.withHeartbeat(now)).stopRequested()) {
            stopRequested.add(id);
          }
        });
    return new Heartbeat(stopRequested, lost);
  }

  @Override
  public synchronized List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
    List<OperationRecord> expired = new ArrayList<>();
    for (OperationRecord r : List.copyOf(records.values())) {
      boolean running = r.state() == OperationState.RUNNING || r.state() == OperationState.STOPPING;
      if (running && r.lease().heartbeatAt().isBefore(staleBefore)) {
        expired.add(
            put(
                restartable.contains(r.type()) && r.requeuable()
                    ? r.requeued(now)
                    : r.finished(Ending.failed(r.progress(), error), now)));
      }
    }
    return expired;
  }

  @Override
  public synchronized int evict(Instant now) {
    List<OperationId> due =
        records.values().stream()
            .filter(r -> r.state().isFinal() && !r.evictAt().isAfter(now))
            .map(OperationRecord::id)
            .toList();
    due.forEach(this::forget);
    return due.size();
  }

  @Override
  public synchronized boolean delete(OperationId id) {
    OperationRecord r = records.get(id);
    if (r == null || r.state().isActive()) {
      return false;
    }
    forget(id);
    return true;
  }

  @Override
  public synchronized void register(List<OperationType> types) {
    restartable =
        types.stream()
            .filter(OperationType::restartable)
            .map(OperationType::name)
            .collect(Collectors.toSet());
  }

  private void forget(OperationId id) {
    records.remove(id);
    forgotten.add(id);
  }

  private Optional<OperationRecord> write(
      OperationId id, long epoch, UnaryOperator<OperationRecord> change) {
    return find(id).filter(r -> r.writableWith(epoch)).map(r -> put(change.apply(r)));
  }

  private OperationRecord put(OperationRecord r) {
    records.put(r.id(), r);
    return r;
  }

  private Optional<OperationRecord> first(Predicate<OperationRecord> match) {
    return records.values().stream().filter(match).findFirst();
  }
}
