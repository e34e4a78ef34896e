package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Forgotten ids, so that "gone" and "never existed" differ: the last {@code capacity} ids
 * forgotten, each for {@code ttl}.
 *
 * <p>The ids wait in a ring in the order they were forgotten, each beside its hash and its deadline
 * (one {@link Instant} shared by a batch), so remembering an id and dropping the oldest are a few
 * array writes, with nothing allocated per id. An open-addressing index over the ring answers
 * {@link #contains}; each entry packs an id's hash with its place in the ring, so probing reads one
 * array and touches an id only when the hashes match. The index is brought up to date when asked:
 * it covers the oldest ids of the ring, and a question first indexes the ids added since the last
 * one. A store whose forgotten ids nobody asks about never indexes them, and one asked after every
 * batch does the work an index kept up to date at every add would. The arrays grow by doubling up
 * to what {@code capacity} needs and never shrink.
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

  /** The hash of each id in {@link #ring}, at the same place. */
  private int[] hashes = new int[0];

  /** When each id in {@link #ring} expires, at the same place. */
  private Instant[] until = new Instant[0];

  private int head;
  private int size;

  /**
   * Linear probing over twice the ring's length: an id's hash in the high half of an entry, its
   * newest place in the ring plus one in the low half; 0 is free.
   */
  private long[] index = new long[0];

  private int indexShift = Integer.SIZE;

  /** How many of the oldest ids in the ring the index has seen. */
  private int indexed;

  Tombstones(int capacity, Duration ttl) {
    this.capacity = capacity;
    this.ttl = ttl;
  }

  /** Remembers ids forgotten at {@code now}; one lock and one deadline for the whole batch. */
  synchronized void addAll(Collection<OperationId> ids, Instant now) {
    if (capacity == 0 || ids.isEmpty()) {
      return;
    }
    Instant deadline = now.plus(ttl);
    for (OperationId id : ids) {
      append(id, deadline);
    }
  }

  /** Remembers one id forgotten at {@code now}. */
  synchronized void add(OperationId id, Instant now) {
    if (capacity > 0) {
      append(id, now.plus(ttl));
    }
  }

  synchronized boolean contains(OperationId id) {
    if (size == 0) {
      return false;
    }
    if (index.length == 0) {
      index = new long[ring.length * 2];
      indexShift = Integer.SIZE - Integer.numberOfTrailingZeros(index.length);
    }
    for (; indexed < size; indexed++) {
      int at = (head + indexed) & (ring.length - 1);
      index[find(ring[at], hashes[at])] = entry(hashes[at], at);
    }
    return index[find(id, id.hashCode())] != 0;
  }

  /** Drops the tombstones whose time has passed; they were added in time order. */
  synchronized void purge(Instant now) {
    while (size > 0 && !until[head].isAfter(now)) {
      dropOldest();
    }
  }

  /** How many ids are remembered, an id forgotten twice counting twice. */
  synchronized int size() {
    return size;
  }

  private void append(OperationId id, Instant deadline) {
    if (size == capacity) {
      dropOldest();
    }
    if (size == ring.length) {
      grow();
    }
    int at = (head + size) & (ring.length - 1);
    ring[at] = id;
    hashes[at] = id.hashCode();
    until[at] = deadline;
    size++;
  }

  /** Drops the oldest id, and its index entry unless a newer place of the same id replaced it. */
  private void dropOldest() {
    if (indexed > 0) {
      long oldest = entry(hashes[head], head);
      int mask = index.length - 1;
      int i = home(hashes[head]);
      while (index[i] != 0 && index[i] != oldest) {
        i = (i + 1) & mask;
      }
      if (index[i] == oldest) {
        unindex(i);
      }
      indexed--;
    }
    ring[head] = null;
    until[head] = null;
    head = (head + 1) & (ring.length - 1);
    size--;
  }

  /** The index position of {@code id}, or the free position where it would go. */
  private int find(OperationId id, int hash) {
    int mask = index.length - 1;
    int i = home(hash);
    for (long e = index[i]; e != 0; e = index[i]) {
      if ((int) (e >>> Integer.SIZE) == hash && ring[(int) e - 1].equals(id)) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Frees an index position, moving later entries of its probe run back so each stays found. */
  private void unindex(int free) {
    int mask = index.length - 1;
    int hole = free;
    index[hole] = 0;
    for (int i = (hole + 1) & mask; index[i] != 0; i = (i + 1) & mask) {
      int home = home((int) (index[i] >>> Integer.SIZE));
      boolean reachable = hole <= i ? hole < home && home <= i : hole < home || home <= i;
      if (!reachable) {
        index[hole] = index[i];
        index[i] = 0;
        hole = i;
      }
    }
  }

  /** Doubles the ring, oldest id first again; the next question builds the index anew. */
  private void grow() {
    int length = Math.max(FIRST_LENGTH, ring.length * 2);
    OperationId[] ids = new OperationId[length];
    int[] idHashes = new int[length];
    Instant[] deadlines = new Instant[length];
    for (int i = 0; i < size; i++) {
      int from = (head + i) & (ring.length - 1);
      ids[i] = ring[from];
      idHashes[i] = hashes[from];
      deadlines[i] = until[from];
    }
    ring = ids;
    hashes = idHashes;
    until = deadlines;
    head = 0;
    index = new long[0];
    indexed = 0;
  }

  private int home(int hash) {
    return (hash * SPREAD) >>> indexShift;
  }

  private static long entry(int hash, int place) {
    return (long) hash << Integer.SIZE | (place + 1);
  }
}
