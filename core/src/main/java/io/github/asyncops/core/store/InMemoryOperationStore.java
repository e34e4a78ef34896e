package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The default store: records in this JVM's memory, lost when it stops. Suits one node.
 *
 * <p>Lock-free: each record changes atomically in a {@link ConcurrentHashMap}, and the indexes
 * follow the change. A slot belongs to the record whose id is in the slot map; an insert puts its
 * record in before it tries for the slot and takes it out again if the slot is held, and a slot
 * that names an ended or forgotten record is free. A queue place is a counter taken before the
 * record goes in and given back when it leaves QUEUED; each type's queue is a {@link
 * ConcurrentLinkedQueue} of ids, each of which only one claimer can take. An index may lag a
 * record's change for a moment: a slot whose holder just ended is released by whoever sees it
 * first, and a queue counter that is one too high refuses a start at the limit.
 *
 * <p>Finished records wait for eviction in {@link Evictions}, so {@link #evict} costs only what it
 * removes. Forgotten ids are remembered as {@link Tombstones}, at most {@code tombstoneCapacity} of
 * them and each for {@code tombstoneTtl}.
 *
 * <p>Thread-safe.
 */
public final class InMemoryOperationStore implements OperationStore {

  /** How many forgotten ids are remembered by default; about 100 bytes each. */
  public static final int DEFAULT_TOMBSTONE_CAPACITY = 100_000;

  /** How long a forgotten id is remembered by default. */
  public static final Duration DEFAULT_TOMBSTONE_TTL = Duration.ofHours(1);

  /** A record before and after an atomic update; the same object when nothing changed. */
  private record Change(OperationRecord before, OperationRecord after) {
    boolean changed() {
      return before != after;
    }
  }

  private final Map<OperationId, OperationRecord> records = new ConcurrentHashMap<>();
  private final Map<String, OperationId> slots = new ConcurrentHashMap<>();
  private final Map<String, Queue<OperationId>> queues = new ConcurrentHashMap<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final Evictions evictions = new Evictions();
  private final Tombstones tombstones;

  /** Creates a store with the default tombstone capacity and time to live. */
  public InMemoryOperationStore() {
    this(DEFAULT_TOMBSTONE_CAPACITY, DEFAULT_TOMBSTONE_TTL);
  }

  /**
   * Creates a store.
   *
   * @param tombstoneCapacity how many forgotten ids to remember, at least 0
   * @param tombstoneTtl how long to remember each, not negative
   * @throws IllegalArgumentException if an argument is out of range
   */
  public InMemoryOperationStore(int tombstoneCapacity, Duration tombstoneTtl) {
    if (tombstoneCapacity < 0 || tombstoneTtl.isNegative()) {
      throw new IllegalArgumentException("tombstone capacity and ttl must not be negative");
    }
    this.tombstones = new Tombstones(tombstoneCapacity, tombstoneTtl);
  }

  @Override
  public InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
    if (record.state() != OperationState.QUEUED) {
      throw new IllegalArgumentException("only QUEUED records can be inserted: " + record.state());
    }
    if (!takeQueuePlace(queueLimit)) {
      return new InsertResult.Full(queued.get());
    }
    if (records.putIfAbsent(record.id(), record) != null) {
      queued.decrementAndGet();
      throw new IllegalArgumentException("duplicate operation id " + record.id());
    }
    OperationRecord replaced = null;
    if (record.slot() != null) {
      InsertResult taken = takeSlot(record, replaceActive);
      if (taken instanceof InsertResult.Conflict) {
        records.remove(record.id());
        queued.decrementAndGet();
        return taken;
      }
      replaced = ((InsertResult.Inserted) taken).replaced();
    }
    queues.computeIfAbsent(record.type(), t -> new ConcurrentLinkedQueue<>()).add(record.id());
    return new InsertResult.Inserted(record, replaced);
  }

  /**
   * Puts the id of a record, already in the map, into its slot. Returns {@code Inserted} with the
   * record it replaced, if any, or {@code Conflict} with the active holder. A slot whose holder has
   * ended or been forgotten is taken over: the thread that ended it may not have released it yet.
   */
  private InsertResult takeSlot(OperationRecord record, boolean replaceActive) {
    String key = slotKey(record);
    while (true) {
      OperationId holderId = slots.putIfAbsent(key, record.id());
      if (holderId == null) {
        return new InsertResult.Inserted(record, null);
      }
      OperationRecord holder = records.get(holderId);
      if (holder == null || holder.slot() == null || holder.state().isFinal()) {
        slots.remove(key, holderId);
      } else if (!replaceActive) {
        return new InsertResult.Conflict(holder);
      } else if (slots.replace(key, holderId, record.id())) {
        Change change =
            update(
                holderId,
                r ->
                    r.state().isActive()
                        ? r.withoutSlot().withStopRequest(null, record.createdAt())
                        : r);
        boolean stopped = change != null && change.changed();
        return new InsertResult.Inserted(record, stopped ? change.after() : null);
      }
    }
  }

  private boolean takeQueuePlace(int limit) {
    return queued.getAndUpdate(n -> n < limit ? n + 1 : n) < limit;
  }

  @Override
  public Optional<OperationRecord> find(OperationId id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public boolean forgotten(OperationId id) {
    return tombstones.contains(id);
  }

  @Override
  public List<OperationRecord> list(OperationQuery query) {
    return records.values().stream()
        .filter(r -> r.type().equals(query.type()))
        .filter(r -> query.owner() == null || query.owner().equals(r.owner()))
        .filter(r -> query.key() == null || query.key().equals(r.key()))
        .filter(r -> !query.activeOnly() || r.state().isActive())
        .sorted(Comparator.comparing(OperationRecord::createdAt).reversed())
        .limit(query.limit())
        .toList();
  }

  @Override
  public List<OperationRecord> claim(String type, int max, String node, Instant now) {
    Queue<OperationId> queue = queues.get(type);
    if (queue == null) {
      return List.of();
    }
    List<OperationRecord> claimed = new ArrayList<>(Math.min(max, 16));
    while (claimed.size() < max) {
      OperationId id = queue.poll();
      if (id == null) {
        break;
      }
      Change change =
          update(id, r -> r.state() == OperationState.QUEUED ? r.claimedBy(node, now) : r);
      if (change != null && change.changed()) {
        claimed.add(change.after());
      }
    }
    return claimed;
  }

  @Override
  public Optional<OperationRecord> requestStop(OperationId id, String text, Instant now) {
    Change change = update(id, r -> r.state().isFinal() ? r : r.withStopRequest(text, now));
    return change == null ? Optional.empty() : Optional.of(change.after());
  }

  @Override
  public void progress(OperationId id, double value, String text, Instant now) {
    records.computeIfPresent(
        id, (k, r) -> r.state().isActive() ? r.withProgress(value, text, now) : r);
  }

  @Override
  public Optional<OperationRecord> finish(
      OperationId id,
      OperationState state,
      double value,
      String text,
      String error,
      OperationResult result,
      Instant now) {
    Change change =
        update(
            id, r -> r.state().isFinal() ? r : r.finished(state, value, text, error, result, now));
    return change != null && change.changed() ? Optional.of(change.after()) : Optional.empty();
  }

  @Override
  public Set<OperationId> heartbeat(String node, Collection<OperationId> ids, Instant now) {
    Set<OperationId> stopRequested = new HashSet<>();
    for (OperationId id : ids) {
      OperationRecord beaten =
          records.computeIfPresent(
              id,
              (k, r) -> r.state().isActive() && node.equals(r.node()) ? r.withHeartbeat(now) : r);
      if (beaten != null
          && beaten.state().isActive()
          && beaten.stopRequested()
          && node.equals(beaten.node())) {
        stopRequested.add(id);
      }
    }
    return stopRequested;
  }

  @Override
  public List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
    List<OperationRecord> expired = new ArrayList<>();
    for (OperationRecord candidate : records.values()) {
      if (!isStale(candidate, staleBefore)) {
        continue;
      }
      Change change =
          update(
              candidate.id(),
              r ->
                  isStale(r, staleBefore)
                      ? r.finished(
                          OperationState.FAILED,
                          r.value(),
                          r.text(),
                          error,
                          OperationResult.none(),
                          now)
                      : r);
      if (change != null && change.changed()) {
        expired.add(change.after());
      }
    }
    return expired;
  }

  private static boolean isStale(OperationRecord r, Instant staleBefore) {
    boolean running = r.state() == OperationState.RUNNING || r.state() == OperationState.STOPPING;
    return running && r.heartbeatAt().isBefore(staleBefore);
  }

  @Override
  public int evict(Instant now) {
    List<OperationId> evicted = new ArrayList<>();
    for (OperationId id : evictions.due(now)) {
      OperationRecord record = records.get(id);
      if (record != null
          && record.state().isFinal()
          && !record.evictAt().isAfter(now)
          && records.remove(id, record)) {
        evicted.add(id);
      }
    }
    tombstones.addAll(evicted, now);
    tombstones.purge(now);
    return evicted.size();
  }

  @Override
  public boolean delete(OperationId id) {
    OperationRecord record = records.get(id);
    if (record == null || record.state().isActive() || !records.remove(id, record)) {
      return false;
    }
    tombstones.addAll(List.of(id), record.updatedAt());
    return true;
  }

  /**
   * Counts the records held, active and final, for tests and metrics.
   *
   * @return the number of records
   */
  public int size() {
    return records.size();
  }

  /**
   * Counts the forgotten ids still remembered.
   *
   * @return the number of tombstones
   */
  public int tombstones() {
    return tombstones.size();
  }

  /**
   * Changes a record atomically and brings the indexes in step with the change.
   *
   * @return the change, or null if there is no such record
   */
  private Change update(OperationId id, UnaryOperator<OperationRecord> change) {
    OperationRecord[] before = new OperationRecord[1];
    OperationRecord after =
        records.computeIfPresent(
            id,
            (k, r) -> {
              before[0] = r;
              return change.apply(r);
            });
    if (after == null) {
      return null;
    }
    Change done = new Change(before[0], after);
    if (done.changed()) {
      reindex(done.before(), after);
    }
    return done;
  }

  private void reindex(OperationRecord before, OperationRecord after) {
    if (before.state() == OperationState.QUEUED && after.state() != OperationState.QUEUED) {
      queued.decrementAndGet();
    }
    if (before.slot() != null && after.slot() == null) {
      slots.remove(slotKey(before), before.id());
    }
    if (before.state().isActive() && after.state().isFinal()) {
      evictions.add(after.retention(), after.evictAt(), after.id());
    }
  }

  private static String slotKey(OperationRecord record) {
    return record.type() + '\u0000' + record.slot();
  }
}
