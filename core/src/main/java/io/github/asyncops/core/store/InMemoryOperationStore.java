package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationQuery.Cursor;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationSummary;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The default store: records in this JVM's memory, lost when it stops. Suits one node.
 *
 * <p>Records change without a lock: each atomically in a {@link ConcurrentHashMap}, and the indexes
 * follow the change. A slot belongs to the active record whose id is in the slot map; inserts into
 * slots take one of 64 locks by slot, so a record appears only once its slot is secured, and a slot
 * whose record has ended or been forgotten is free. A queue place is a counter taken before the
 * record goes in and given back when it leaves QUEUED; each type's queue is a {@link
 * ConcurrentLinkedQueue} of ids, each of which only one claimer can take. An index may lag a
 * record's change for a moment: a queue counter that is one too high refuses a start at the limit.
 * An insert with an idempotency key holds the key's lock in {@link IdempotencyKeys} throughout.
 *
 * <p>The ids of finished records wait for eviction in {@link Evictions}, so {@link #evict} costs
 * only what it removes. Eviction runs in batches on its own schedule: {@link #tick} evicts once
 * every {@code evictInterval}, not at every housekeeping tick, and so that records due at retention
 * zero cannot pile up between two runs, the {@code evictBatch}-th record to finish since the last
 * run evicts at once, on the thread that finished it. No lock that inserts, claims or reads of
 * records take is held meanwhile. Forgotten ids are remembered as {@link Tombstones}, at most
 * {@code tombstoneCapacity} of them and each for {@code tombstoneTtl}.
 *
 * <p>Listings walk a skip list of (created at, id) in listing order, from the query's cursor: the
 * owner's records when the query names an owner, else those its id prefix matches, else the type's,
 * else all ({@link Listings}); a listing of active records only sorts the few active ones instead.
 * The summary reads counters ({@link Tallies}) rather than the records.
 *
 * <p>Thread-safe.
 */
public final class InMemoryOperationStore implements OperationStore {

  /** How many forgotten ids are remembered by default; about 100 bytes each. */
  public static final int DEFAULT_TOMBSTONE_CAPACITY = 100_000;

  /** How long a forgotten id is remembered by default. */
  public static final Duration DEFAULT_TOMBSTONE_TTL = Duration.ofHours(1);

  /** How often {@link #tick} evicts by default. */
  public static final Duration DEFAULT_EVICT_INTERVAL = Duration.ofSeconds(1);

  /** How many records may finish between two eviction runs by default before one runs early. */
  public static final int DEFAULT_EVICT_BATCH = 1_000;

  /** How many locks inserts into slots are spread over. */
  private static final int SLOT_LOCKS = 64;

  /** A record before and after an atomic update; the same object when nothing changed. */
  private record Change(OperationRecord before, OperationRecord after) {
    boolean changed() {
      return before != after;
    }
  }

  private final Map<OperationId, OperationRecord> records = new ConcurrentHashMap<>();
  private final Listings listings = new Listings();
  private final Tallies tallies = new Tallies();
  private final Map<String, OperationId> slots = new ConcurrentHashMap<>();
  private final Object[] slotLocks = new Object[SLOT_LOCKS];
  private final IdempotencyKeys idempotencyKeys = new IdempotencyKeys();
  private final Map<String, Queue<OperationId>> queues = new ConcurrentHashMap<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final Evictions evictions;
  private final AtomicBoolean batchFull = new AtomicBoolean();
  private final Tombstones tombstones;
  private final Duration evictInterval;
  private Instant nextEviction = Instant.MIN;
  private volatile Set<String> restartable = Set.of();

  /** Creates a store with the defaults of {@link Builder}. */
  public InMemoryOperationStore() {
    this(builder());
  }

  /**
   * Creates a store with the given tombstones and the other defaults of {@link Builder}.
   *
   * @param tombstoneCapacity how many forgotten ids to remember, at least 0
   * @param tombstoneTtl how long to remember each, not negative
   * @throws IllegalArgumentException if an argument is out of range
   */
  public InMemoryOperationStore(int tombstoneCapacity, Duration tombstoneTtl) {
    this(builder().tombstones(tombstoneCapacity, tombstoneTtl));
  }

  private InMemoryOperationStore(Builder builder) {
    this.tombstones = new Tombstones(builder.tombstoneCapacity, builder.tombstoneTtl);
    this.evictions = new Evictions(builder.evictBatch);
    this.evictInterval = builder.evictInterval;
    Arrays.setAll(slotLocks, i -> new Object());
  }

  /**
   * Starts a store's configuration.
   *
   * @return a builder with the defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
    if (record.state() != OperationState.QUEUED) {
      throw new IllegalArgumentException("only QUEUED records can be inserted: " + record.state());
    }
    if (records.containsKey(record.id())) {
      throw duplicate(record);
    }
    if (record.idempotency() == null) {
      return insertNew(record, replaceActive, queueLimit);
    }
    synchronized (idempotencyKeys.lock(record)) {
      OperationId earlier = idempotencyKeys.holder(record);
      OperationRecord holder = earlier == null ? null : records.get(earlier);
      if (holder != null) {
        return new InsertResult.Replay(holder);
      }
      InsertResult result = insertNew(record, replaceActive, queueLimit);
      if (result instanceof InsertResult.Inserted) {
        idempotencyKeys.take(record);
      }
      return result;
    }
  }

  private InsertResult insertNew(OperationRecord record, boolean replaceActive, int queueLimit) {
    if (!takeQueuePlace(queueLimit)) {
      return new InsertResult.Full(queued.get());
    }
    if (record.slot() == null) {
      publish(record);
      return new InsertResult.Inserted(record, null);
    }
    String key = slotKey(record);
    synchronized (slotLocks[Math.floorMod(key.hashCode(), slotLocks.length)]) {
      OperationId holderId = slots.get(key);
      OperationRecord holder = holderId == null ? null : records.get(holderId);
      OperationRecord replaced = null;
      if (holder != null && holder.slot() != null && holder.state().isActive()) {
        if (!replaceActive) {
          queued.decrementAndGet();
          return new InsertResult.Conflict(holder);
        }
        Change change =
            update(
                holderId,
                r ->
                    r.state().isActive()
                        ? r.withoutSlot().withStopRequest(null, record.times().createdAt())
                        : r);
        replaced = change != null && change.changed() ? change.after() : null;
      }
      slots.put(key, record.id());
      try {
        publish(record);
      } catch (IllegalArgumentException e) {
        slots.remove(key, record.id());
        throw e;
      }
      return new InsertResult.Inserted(record, replaced);
    }
  }

  /** Puts a record, whose queue place is taken, into the map and its type's queue. */
  private void publish(OperationRecord record) {
    if (records.putIfAbsent(record.id(), record) != null) {
      queued.decrementAndGet();
      throw duplicate(record);
    }
    listings.add(record);
    tallies.inserted(record);
    queues.computeIfAbsent(record.type(), t -> new ConcurrentLinkedQueue<>()).add(record.id());
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

  /**
   * Walks the ids in {@link OperationQuery#NEWEST_FIRST} order ({@link Listings#walk}) and stops at
   * the limit or at the first record created before {@code createdFrom}, so a page costs the
   * records it passes over, never a sort.
   */
  @Override
  public List<OperationRecord> list(OperationQuery query) {
    if (query.activeOnly() || activeStates(query.states())) {
      return listActive(query);
    }
    NavigableSet<Cursor> from = listings.walk(query);
    Instant createdFrom = query.createdFrom();
    List<OperationRecord> page = new ArrayList<>(Math.min(query.limit(), 64));
    for (Cursor position : from) {
      if (createdFrom != null && position.createdAt().isBefore(createdFrom)) {
        break;
      }
      OperationRecord r = records.get(position.id());
      if (r != null && query.matches(r)) {
        page.add(r);
        if (page.size() == query.limit()) {
          break;
        }
      }
    }
    return page;
  }

  /** Lists among the active records only: what a console following running work asks for. */
  private List<OperationRecord> listActive(OperationQuery query) {
    List<OperationRecord> matching = new ArrayList<>();
    for (OperationId id : tallies.active()) {
      OperationRecord r = records.get(id);
      if (r != null && query.matches(r)) {
        matching.add(r);
      }
    }
    matching.sort(OperationQuery.NEWEST_FIRST);
    return matching.size() <= query.limit()
        ? matching
        : new ArrayList<>(matching.subList(0, query.limit()));
  }

  private static boolean activeStates(Set<OperationState> states) {
    return !states.isEmpty() && states.stream().allMatch(OperationState::isActive);
  }

  /** Reads the counters and the active records that {@link Tallies} keeps, without a lock. */
  @Override
  public OperationSummary summary(Instant now) {
    return tallies.summary(now, records::get);
  }

  @Override
  public List<OperationRecord> claim(ClaimRequest request, Instant now) {
    Queue<OperationId> queue = queues.get(request.type());
    if (queue == null) {
      return List.of();
    }
    String node = request.node();
    List<OperationRecord> claimed = new ArrayList<>(Math.min(request.max(), 16));
    while (claimed.size() < request.max()) {
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
    evictIfBatchFull(now);
    return change == null ? Optional.empty() : Optional.of(change.after());
  }

  @Override
  public Optional<OperationRecord> progress(
      OperationId id, long epoch, Progress progress, Instant now) {
    OperationRecord[] written = new OperationRecord[1];
    records.computeIfPresent(
        id,
        (k, r) -> {
          if (!r.writableWith(epoch)) {
            return r;
          }
          written[0] = r.withProgress(progress, now);
          return written[0];
        });
    return Optional.ofNullable(written[0]);
  }

  @Override
  public Optional<OperationRecord> finish(OperationId id, long epoch, Ending ending, Instant now) {
    Change change = update(id, r -> r.writableWith(epoch) ? r.finished(ending, now) : r);
    evictIfBatchFull(now);
    return change != null && change.changed() ? Optional.of(change.after()) : Optional.empty();
  }

  @Override
  public Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now) {
    Set<OperationId> stopRequested = new HashSet<>();
    Set<OperationId> lost = new HashSet<>();
    held.forEach(
        (id, epoch) -> {
          OperationRecord beaten =
              records.computeIfPresent(
                  id, (k, r) -> holds(r, node, epoch) ? r.withHeartbeat(now) : r);
          if (beaten == null || !holds(beaten, node, epoch)) {
            lost.add(id);
          } else if (beaten.stopRequested()) {
            stopRequested.add(id);
          }
        });
    return new Heartbeat(stopRequested, lost);
  }

  private static boolean holds(OperationRecord r, String node, long epoch) {
    return r.state().isActive() && r.lease().heldBy(node, epoch);
  }

  @Override
  public List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
    List<OperationRecord> expired = new ArrayList<>();
    for (OperationRecord candidate : records.values()) {
      if (!isStale(candidate, staleBefore)) {
        continue;
      }
      Change change =
          update(candidate.id(), r -> isStale(r, staleBefore) ? lost(r, error, now) : r);
      if (change != null && change.changed()) {
        expired.add(change.after());
        if (change.after().state() == OperationState.QUEUED) {
          queued.incrementAndGet();
          queues.get(change.after().type()).add(change.after().id());
        }
      }
    }
    evictIfBatchFull(now);
    return expired;
  }

  private OperationRecord lost(OperationRecord r, String error, Instant now) {
    return restartable.contains(r.type()) && r.requeuable()
        ? r.requeued(now)
        : r.finished(Ending.failed(r.progress(), error), now);
  }

  private static boolean isStale(OperationRecord r, Instant staleBefore) {
    boolean running = r.state() == OperationState.RUNNING || r.state() == OperationState.STOPPING;
    return running && r.lease().heartbeatAt().isBefore(staleBefore);
  }

  /** Remembers which types {@link #expire} queues again. */
  @Override
  public void register(List<OperationType> types) {
    restartable =
        types.stream()
            .filter(OperationType::restartable)
            .map(OperationType::name)
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Forgets every final record due at {@code now}, whenever called. {@link #tick} calls this once
   * every {@code evictInterval}, and a finish that fills a batch calls it at once.
   */
  @Override
  public int evict(Instant now) {
    List<OperationId> due = evictions.due(now);
    // Tombstones first, so that an id is never unknown between its record and its tombstone.
    tombstones.addAll(due, now);
    OperationRecord[] removed = new OperationRecord[1];
    BiFunction<OperationId, OperationRecord, OperationRecord> forget =
        (id, r) -> {
          boolean forgotten = r.state().isFinal() && !r.evictAt().isAfter(now);
          removed[0] = forgotten ? r : null;
          return forgotten ? null : r;
        };
    int evicted = 0;
    for (OperationId id : due) {
      removed[0] = null;
      records.computeIfPresent(id, forget);
      if (removed[0] != null) {
        listings.remove(removed[0]);
        tallies.removed(removed[0]);
        idempotencyKeys.free(removed[0]);
        evicted++;
      }
    }
    tombstones.purge(now);
    return evicted;
  }

  /** Evicts once {@code evictInterval} has passed since the last time this did. */
  @Override
  public void tick(Instant now) {
    if (now.isBefore(nextEviction)) {
      return;
    }
    nextEviction = now.plus(evictInterval);
    evict(now);
  }

  /** Evicts on this thread if {@code evictBatch} records finished since the last run. */
  private void evictIfBatchFull(Instant now) {
    if (batchFull.get() && batchFull.compareAndSet(true, false)) {
      evict(now);
    }
  }

  @Override
  public boolean delete(OperationId id) {
    OperationRecord record = records.get(id);
    if (record == null || record.state().isActive()) {
      return false;
    }
    tombstones.add(id, record.times().updatedAt());
    if (!records.remove(id, record)) {
      return false;
    }
    listings.remove(record);
    tallies.removed(record);
    idempotencyKeys.free(record);
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
   * Counts the forgotten ids still remembered; an id deleted before its retention passed is
   * remembered once more when that retention passes, and counts twice.
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
    tallies.changed(before, after);
    if (before.state() == OperationState.QUEUED && after.state() != OperationState.QUEUED) {
      queued.decrementAndGet();
    }
    if (before.slot() != null && after.slot() == null) {
      slots.remove(slotKey(before), before.id());
    }
    if (before.state().isActive()
        && after.state().isFinal()
        && evictions.add(after.retention(), after.evictAt(), after.id())) {
      batchFull.set(true);
    }
  }

  private static IllegalArgumentException duplicate(OperationRecord record) {
    return new IllegalArgumentException("duplicate operation id " + record.id());
  }

  private static String slotKey(OperationRecord record) {
    return record.type() + '\u0000' + record.slot();
  }

  /** Configures an {@link InMemoryOperationStore}; every setting has a default. Not thread-safe. */
  public static final class Builder {
    private int tombstoneCapacity = DEFAULT_TOMBSTONE_CAPACITY;
    private Duration tombstoneTtl = DEFAULT_TOMBSTONE_TTL;
    private Duration evictInterval = DEFAULT_EVICT_INTERVAL;
    private int evictBatch = DEFAULT_EVICT_BATCH;

    private Builder() {}

    /**
     * Sets how many ids of forgotten operations are remembered, so they answer "gone", and for how
     * long. Default: 100,000 for 1 hour, about 20 bytes each beside the id.
     *
     * @param capacity at least 0; 0 remembers none
     * @param ttl not negative
     * @return this builder
     * @throws IllegalArgumentException if an argument is out of range
     */
    public Builder tombstones(int capacity, Duration ttl) {
      if (capacity < 0 || ttl.isNegative()) {
        throw new IllegalArgumentException("tombstone capacity and ttl must not be negative");
      }
      this.tombstoneCapacity = capacity;
      this.tombstoneTtl = ttl;
      return this;
    }

    /**
     * Sets how often the engine's tick forgets final operations whose retention passed, in one
     * batch, and drops expired tombstones. Records therefore live up to this long past their
     * retention, unless a batch fills first. Default: 1 second.
     *
     * @param evictInterval positive
     * @return this builder
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder evictInterval(Duration evictInterval) {
      if (evictInterval.isZero() || evictInterval.isNegative()) {
        throw new IllegalArgumentException("evictInterval must be positive, was " + evictInterval);
      }
      this.evictInterval = evictInterval;
      return this;
    }

    /**
     * Sets how many operations may finish between two eviction runs before the one that fills the
     * batch evicts at once. This bounds the final records that are due but not yet forgotten, such
     * as those of a zero retention under a high rate, to about this many. Default: 1,000.
     *
     * @param evictBatch at least 1
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1
     */
    public Builder evictBatch(int evictBatch) {
      if (evictBatch < 1) {
        throw new IllegalArgumentException("evictBatch must be at least 1, was " + evictBatch);
      }
      this.evictBatch = evictBatch;
      return this;
    }

    /**
     * Builds the store.
     *
     * @return a new, empty store
     */
    public InMemoryOperationStore build() {
      return new InMemoryOperationStore(this);
    }
  }
}
