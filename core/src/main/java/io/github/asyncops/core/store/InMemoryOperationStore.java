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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default store: records in this JVM's memory, lost when it stops. Suits one node.
 *
 * <p>Reads take no lock, and neither does a claim from an empty queue; every change takes one lock,
 * which keeps the slot, queue and eviction indexes consistent with the records. Finished records
 * wait for eviction in {@link Evictions}, so {@link #evict} costs only what it removes. Forgotten
 * ids are remembered as tombstones, at most {@code tombstoneCapacity} of them and each for {@code
 * tombstoneTtl}.
 *
 * <p>Thread-safe.
 */
public final class InMemoryOperationStore implements OperationStore {

  /** How many forgotten ids are remembered by default; about 100 bytes each. */
  public static final int DEFAULT_TOMBSTONE_CAPACITY = 100_000;

  /** How long a forgotten id is remembered by default. */
  public static final Duration DEFAULT_TOMBSTONE_TTL = Duration.ofHours(1);

  /** The ids queued for one type, oldest first; {@code size} can be read without the lock. */
  private static final class TypeQueue {
    final ArrayDeque<OperationId> ids = new ArrayDeque<>();
    volatile int size;
  }

  private final int tombstoneCapacity;
  private final Duration tombstoneTtl;
  private final Map<OperationId, OperationRecord> records = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private final Map<String, OperationId> slots = new HashMap<>();
  private final Map<String, TypeQueue> queues = new ConcurrentHashMap<>();
  private final Evictions evictions = new Evictions();
  private final LinkedHashMap<OperationId, Instant> tombstones = new LinkedHashMap<>();
  private int queued;

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
    this.tombstoneCapacity = tombstoneCapacity;
    this.tombstoneTtl = tombstoneTtl;
  }

  @Override
  public InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
    if (record.state() != OperationState.QUEUED) {
      throw new IllegalArgumentException("only QUEUED records can be inserted: " + record.state());
    }
    synchronized (lock) {
      if (records.containsKey(record.id())) {
        throw new IllegalArgumentException("duplicate operation id " + record.id());
      }
      if (queued >= queueLimit) {
        return new InsertResult.Full(queued);
      }
      OperationRecord replaced = null;
      if (record.slot() != null) {
        String slotKey = slotKey(record.type(), record.slot());
        OperationId holderId = slots.get(slotKey);
        if (holderId != null) {
          OperationRecord holder = records.get(holderId);
          if (!replaceActive) {
            return new InsertResult.Conflict(holder);
          }
          replaced = replace(holder.withoutSlot().withStopRequest(null, record.createdAt()));
        }
        slots.put(slotKey, record.id());
      }
      records.put(record.id(), record);
      TypeQueue queue = queues.computeIfAbsent(record.type(), t -> new TypeQueue());
      queue.ids.addLast(record.id());
      queue.size = queue.ids.size();
      queued++;
      return new InsertResult.Inserted(record, replaced);
    }
  }

  @Override
  public Optional<OperationRecord> find(OperationId id) {
    return Optional.ofNullable(records.get(id));
  }

  @Override
  public boolean forgotten(OperationId id) {
    synchronized (lock) {
      return tombstones.containsKey(id);
    }
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
    TypeQueue queue = queues.get(type);
    if (queue == null || queue.size == 0) {
      return List.of();
    }
    synchronized (lock) {
      List<OperationRecord> claimed = new ArrayList<>();
      while (claimed.size() < max && !queue.ids.isEmpty()) {
        OperationRecord record = records.get(queue.ids.pollFirst());
        if (record != null && record.state() == OperationState.QUEUED) {
          claimed.add(replace(record.claimedBy(node, now)));
        }
      }
      queue.size = queue.ids.size();
      return claimed;
    }
  }

  @Override
  public Optional<OperationRecord> requestStop(OperationId id, String text, Instant now) {
    synchronized (lock) {
      OperationRecord record = records.get(id);
      if (record == null || record.state().isFinal()) {
        return Optional.ofNullable(record);
      }
      return Optional.of(replace(record.withStopRequest(text, now)));
    }
  }

  @Override
  public void progress(OperationId id, double value, String text, Instant now) {
    synchronized (lock) {
      OperationRecord record = records.get(id);
      if (record != null && record.state().isActive()) {
        records.put(id, record.withProgress(value, text, now));
      }
    }
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
    synchronized (lock) {
      OperationRecord record = records.get(id);
      if (record == null || record.state().isFinal()) {
        return Optional.empty();
      }
      return Optional.of(replace(record.finished(state, value, text, error, result, now)));
    }
  }

  @Override
  public Set<OperationId> heartbeat(String node, Collection<OperationId> ids, Instant now) {
    Set<OperationId> stopRequested = new HashSet<>();
    synchronized (lock) {
      for (OperationId id : ids) {
        OperationRecord record = records.get(id);
        if (record != null && record.state().isActive() && node.equals(record.node())) {
          records.put(id, record.withHeartbeat(now));
          if (record.stopRequested()) {
            stopRequested.add(id);
          }
        }
      }
    }
    return stopRequested;
  }

  @Override
  public List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
    synchronized (lock) {
      List<OperationRecord> expired = new ArrayList<>();
      for (OperationRecord record : List.copyOf(records.values())) {
        boolean running =
            record.state() == OperationState.RUNNING || record.state() == OperationState.STOPPING;
        if (running && record.heartbeatAt().isBefore(staleBefore)) {
          expired.add(
              replace(
                  record.finished(
                      OperationState.FAILED,
                      record.value(),
                      record.text(),
                      error,
                      OperationResult.none(),
                      now)));
        }
      }
      return expired;
    }
  }

  @Override
  public int evict(Instant now) {
    synchronized (lock) {
      int evicted = 0;
      for (OperationId id : evictions.due(now)) {
        OperationRecord record = records.get(id);
        if (record != null && record.state().isFinal() && !record.evictAt().isAfter(now)) {
          forget(id, now);
          evicted++;
        }
      }
      purgeTombstones(now);
      return evicted;
    }
  }

  @Override
  public boolean delete(OperationId id) {
    synchronized (lock) {
      OperationRecord record = records.get(id);
      if (record == null || record.state().isActive()) {
        return false;
      }
      forget(id, record.updatedAt());
      return true;
    }
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
    synchronized (lock) {
      return tombstones.size();
    }
  }

  /** Replaces a record and keeps the indexes in step with the change; caller holds the lock. */
  private OperationRecord replace(OperationRecord updated) {
    OperationRecord previous = records.put(updated.id(), updated);
    Objects.requireNonNull(previous, "replace() needs an existing record");
    if (previous.state() == OperationState.QUEUED && updated.state() != OperationState.QUEUED) {
      queued--;
    }
    if (previous.slot() != null && updated.slot() == null) {
      slots.remove(slotKey(previous.type(), previous.slot()), previous.id());
    }
    if (previous.state().isActive() && updated.state().isFinal()) {
      evictions.add(updated.retention(), updated.evictAt(), updated.id());
    }
    return updated;
  }

  private void forget(OperationId id, Instant now) {
    records.remove(id);
    if (tombstoneCapacity > 0) {
      tombstones.put(id, now.plus(tombstoneTtl));
      if (tombstones.size() > tombstoneCapacity) {
        Iterator<OperationId> eldest = tombstones.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
  }

  private void purgeTombstones(Instant now) {
    Iterator<Map.Entry<OperationId, Instant>> it = tombstones.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue().isAfter(now)) {
        return;
      }
      it.remove();
    }
  }

  private static String slotKey(String type, String slot) {
    return type + '\u0000' + slot;
  }
}
