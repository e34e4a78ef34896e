package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
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

  /** Remembers ids forgotten at {@code now}; one lock and one deadline for the whole batch. */
  synchronized void addAll(Collection<OperationId> ids, Instant now) {
    if (capacity == 0 || ids.isEmpty()) {
      return;
    }
    Instant deadline = now.plus(ttl);
    for (OperationId id : ids) {
      until.put(id, deadline);
    }
    Iterator<OperationId> eldest = until.keySet().iterator();
    for (int excess = until.size() - capacity; excess > 0; excess--) {
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
