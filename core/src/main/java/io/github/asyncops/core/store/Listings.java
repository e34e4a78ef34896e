package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationQuery.Cursor;
import io.github.asyncops.core.spi.OperationRecord;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The in-memory store's listing orders: every held record's position, (created at, id) in listing
 * order, and the same per owner and per type, so that a listing filtered on either walks only that
 * owner's or type's records; and the positions by id, so that an id prefix reads only the ids it
 * matches. A record's creation instant, id, type and owner never change, so each record is added
 * once and removed once; an owner or type whose last record leaves is dropped.
 */
final class Listings {
  private static final NavigableSet<Cursor> NONE =
      Collections.unmodifiableNavigableSet(new ConcurrentSkipListSet<>(Cursor.ORDER));

  private final NavigableSet<Cursor> all = new ConcurrentSkipListSet<>(Cursor.ORDER);
  private final NavigableMap<String, Cursor> byId = new ConcurrentSkipListMap<>();
  private final Map<String, NavigableSet<Cursor>> byOwner = new ConcurrentHashMap<>();
  private final Map<String, NavigableSet<Cursor>> byType = new ConcurrentHashMap<>();

  /** Adds a record that the store now holds. */
  void add(OperationRecord r) {
    Cursor position = Cursor.of(r);
    all.add(position);
    byId.put(r.id().value(), position);
    add(byType, r.type(), position);
    if (r.owner() != null) {
      add(byOwner, r.owner(), position);
    }
  }

  /** Removes a record that the store no longer holds. */
  void remove(OperationRecord r) {
    Cursor position = Cursor.of(r);
    all.remove(position);
    byId.remove(r.id().value());
    remove(byType, r.type(), position);
    if (r.owner() != null) {
      remove(byOwner, r.owner(), position);
    }
  }

  /**
   * The positions a listing walks, newest first from its cursor: those of its owner if it names one
   * (already in order), else the ids its id prefix matches if it has one (sorted here, for each
   * page), else those of its type if it names one, else all. Every match is among them; the query's
   * other filters still apply.
   */
  NavigableSet<Cursor> walk(OperationQuery query) {
    NavigableSet<Cursor> positions = all;
    String prefix = query.idPrefix();
    if (query.owner() != null) {
      positions = byOwner.getOrDefault(query.owner(), NONE);
    } else if (prefix != null && !prefix.isEmpty()) {
      positions = new TreeSet<>(Cursor.ORDER);
      positions.addAll(byId.subMap(prefix, prefix + Character.MAX_VALUE).values());
    } else if (query.type() != null) {
      positions = byType.getOrDefault(query.type(), NONE);
    }
    return query.after() == null ? positions : positions.tailSet(query.after(), false);
  }

  private static void add(Map<String, NavigableSet<Cursor>> index, String key, Cursor position) {
    index.compute(
        key,
        (k, positions) -> {
          NavigableSet<Cursor> set =
              positions == null ? new ConcurrentSkipListSet<>(Cursor.ORDER) : positions;
          set.add(position);
          return set;
        });
  }

  private static void remove(Map<String, NavigableSet<Cursor>> index, String key, Cursor position) {
    index.computeIfPresent(
        key,
        (k, positions) -> {
          positions.remove(position);
          return positions.isEmpty() ? null : positions;
        });
  }
}
