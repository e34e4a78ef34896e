package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.spi.OperationRecord;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotency keys of an {@link InMemoryOperationStore}: which record holds each (type, owner,
 * key). An entry may outlive its record for a moment; the store treats a key whose record is gone
 * as free. Inserts with one key serialise on that key's {@link #lock}.
 */
final class IdempotencyKeys {
  private static final int LOCKS = 64;

  private record Key(String type, String owner, String key) {
    static Key of(OperationRecord r) {
      return new Key(r.type(), r.owner(), r.idempotency().key());
    }
  }

  private final Map<Key, OperationId> holders = new ConcurrentHashMap<>();
  private final Object[] locks = new Object[LOCKS];

  IdempotencyKeys() {
    Arrays.setAll(locks, i -> new Object());
  }

  /** The lock that inserts with this record's key hold. */
  Object lock(OperationRecord record) {
    return locks[Math.floorMod(Key.of(record).hashCode(), LOCKS)];
  }

  /** The id of the record that took this record's key, or null. */
  OperationId holder(OperationRecord record) {
    return holders.get(Key.of(record));
  }

  /** Gives a just inserted record its key, under the key's lock. */
  void take(OperationRecord record) {
    holders.put(Key.of(record), record.id());
  }

  /** Frees the key of a record that is no longer held, unless a newer record took it. */
  void free(OperationRecord record) {
    if (record.idempotency() != null) {
      holders.remove(Key.of(record), record.id());
    }
  }
}
