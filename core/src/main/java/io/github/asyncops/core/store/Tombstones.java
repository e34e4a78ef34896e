package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.spi.OperationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Forgotten ids, so that "gone" and "never existed" differ: at most {@code capacity} of them, the
 * oldest dropped first, and each for {@code ttl}.
 *
 * <p>The ids wait in a ring in the order they were forgotten, each beside its deadline (one {@link
 * Instant} shared by a batch), and an open-addressing hash index over the same ids answers {@link
 * #contains}. Neither allocates per id, so remembering and dropping an id costs two array writes
 * and two probes. The arrays grow by doubling up to what {@code capacity} needs and never shrink.
 *
 * <p>Thread-safe, with one lock that only forgetting and asking about an unknown id take.
 */
final class Tombstones {
  private static final int FIRST_LENGTH = 16;

  /** Fibonacci hashing spreads the ids' string hashes over the index. */
  private static final int SPREAD = 0x9E3779B9;

  private final int capacity;
  private final Duration ttl;

  /** Ids from oldest ({@code head}) to newest; a power-of-two ring. */
  private OperationId[] ring = new OperationId[0];

  /** When each id in {@link #ring} expires, at the same position. */
  private Instant[] until = new Instant[0];

  private int head;
  private int size;

  /** The ids of the ring by hash, with linear probing; twice the ring's length, null is free. */
  private OperationId[] index = new OperationId[0];

  private int indexShift = Integer.SIZE;

  Tombstones(int capacity, Duration ttl) {
    this.capacity = capacity;
    this.ttl = ttl;
  }

  /** Remembers the ids of records forgotten at {@code now}; one lock and deadline for the batch. */
  synchronized void addAll(Collection<OperationRecord> forgotten, Instant now) {
    if (capacity == 0 || forgotten.isEmpty()) {
      return;
    }
    Instant deadline = now.plus(ttl);
    for (OperationRecord record : forgotten) {
      append(record.id(), deadline);
    }
  }

  /** Remembers one id forgotten at {@code now}. */
  synchronized void add(OperationId id, Instant now) {
    if (capacity > 0) {
      append(id, now.plus(ttl));
    }
  }

  synchronized boolean contains(OperationId id) {
    return size > 0 && index[find(id)] != null;
  }

  /** Drops the tombstones whose time has passed; they were added in time order. */
  synchronized void purge(Instant now) {
    while (size > 0 && !until[head].isAfter(now)) {
      dropOldest();
    }
  }

  synchronized int size() {
    return size;
  }

  /** Remembers an id, unless it is remembered already, dropping the oldest when full. */
  private void append(OperationId id, Instant deadline) {
    if (size > 0 && index[find(id)] != null) {
      return;
    }
    if (size == capacity) {
      dropOldest();
    }
    if (size == ring.length) {
      grow();
    }
    int at = (head + size) & (ring.length - 1);
    ring[at] = id;
    until[at] = deadline;
    size++;
    index[find(id)] = id;
  }

  private void dropOldest() {
    OperationId id = ring[head];
    ring[head] = null;
    until[head] = null;
    head = (head + 1) & (ring.length - 1);
    size--;
    unindex(find(id));
  }

  /** The index position holding {@code id}, or the free position where it would go. */
  private int find(OperationId id) {
    int mask = index.length - 1;
    int i = (id.hashCode() * SPREAD) >>> indexShift;
    while (index[i] != null && !index[i].equals(id)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Frees an index position, moving later ids of its probe run back so each stays findable. */
  private void unindex(int free) {
    int mask = index.length - 1;
    int hole = free;
    index[hole] = null;
    for (int i = (hole + 1) & mask; index[i] != null; i = (i + 1) & mask) {
      int home = (index[i].hashCode() * SPREAD) >>> indexShift;
      boolean reachable = hole <= i ? hole < home && home <= i : hole < home || home <= i;
      if (!reachable) {
        index[hole] = index[i];
        index[i] = null;
        hole = i;
      }
    }
  }

  /** Doubles the ring, oldest id first again, and rebuilds the index at twice that length. */
  private void grow() {
    int length = Math.max(FIRST_LENGTH, ring.length * 2);
    OperationId[] ids = new OperationId[length];
    Instant[] deadlines = new Instant[length];
    for (int i = 0; i < size; i++) {
      int from = (head + i) & (ring.length - 1);
      ids[i] = ring[from];
      deadlines[i] = until[from];
    }
    ring = ids;
    until = deadlines;
    head = 0;
    index = new OperationId[length * 2];
    indexShift = Integer.SIZE - Integer.numberOfTrailingZeros(index.length);
    for (int i = 0; i < size; i++) {
      index[find(ring[i])] = ring[i];
    }
  }
}
