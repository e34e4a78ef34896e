package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forgotten ids, so that "gone" and "never existed" differ: at most {@code capacity} of them, the
 * oldest dropped first, and each for {@code ttl}. Thread-safe, with one lock that only forgetting
 * and asking about an unknown id take.
 */
final class Tombstones {
  private final int capacity;
  private final Duration ttl;
  private final LinkedHashMap<OperationId, Instant> until = new LinkedHashMap<>();

  Tombstones(int capacity, Duration ttl) {
    this.capacity = capacity;
    this.ttl = ttl;
  }

  synchronized void add(OperationId id, Instant now) {
    if (capacity == 0) {
      return;
    }
    until.put(id, now.plus(ttl));
    if (until.size() > capacity) {
      Iterator<OperationId> eldest = until.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  synchronized boolean contains(OperationId id) {
    return until.containsKey(id);
  }

  /** Drops the tombstones whose time has passed; they were added in time order. */
  synchronized void purge(Instant now) {
    Iterator<Map.Entry<OperationId, Instant>> it = until.entrySet().iterator();
    while (it.hasNext()) {
      if (it.next().getValue().isAfter(now)) {
        return;
      }
      it.remove();
    }
  }

  synchronized int size() {
    return until.size();
  }
}
