package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The store's housekeeping across nodes: heartbeats, expiry of lost nodes' operations, eviction
 * with tombstones, and the stop-request poll for nodes that cannot listen. Expiry and eviction lock
 * with SKIP LOCKED, so nodes doing them at once share the work instead of waiting.
 */
final class Upkeep {
  /** Ids per IN list, well below every driver's parameter limit. */
  private static final int CHUNK = 500;

  /** Rows expired or evicted per call; the rest wait for the next tick. */
  private static final int BATCH = 500;

  /** What evict forgot: how many records, and which of them had a blob to delete. */
  record Evicted(int count, List<OperationId> blobs) {}

  private final Database db;
  private final Sql sql;
  private final Rows rows;
  private final Writes writes;
  private final Results results;
  private final Predicate<String> restartable;
  private final int tombstoneCapacity;
  private final Duration tombstoneTtl;

  Upkeep(
      Database db,
      Rows rows,
      Writes writes,
      Results results,
      Predicate<String> restartable,
      int tombstoneCapacity,
      Duration tombstoneTtl) {
    this.db = db;
    this.sql = db.sql;
    this.rows = rows;
    this.writes = writes;
    this.results = results;
    this.restartable = restartable;
    this.tombstoneCapacity = tombstoneCapacity;
    this.tombstoneTtl = tombstoneTtl;
  }

  /**
   * Stamps the rows this node runs, in one statement whatever their number, and answers which have
   * a stop request and which the node no longer holds (another epoch, another node, or ended).
   */
  Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now) {
    return db.transaction(
        "heartbeat " + held.size() + " operations",
        (c, attempt) -> {
          Set<OperationId> stops = new HashSet<>();
          Set<OperationId> lost = new HashSet<>(held.keySet());
          String[] ids = held.keySet().stream().map(OperationId::value).toArray(String[]::new);
          try (PreparedStatement beat = c.prepareStatement(sql.heartbeat)) {
            Database.setTimestamp(beat, 1, now);
            beat.setString(2, node);
            beat.setArray(3, c.createArrayOf("varchar", ids));
            try (ResultSet rs = beat.executeQuery()) {
              while (rs.next()) {
                OperationId id = OperationId.of(rs.getString(1));
                Long epoch = held.get(id);
                if (epoch != null && epoch == rs.getLong(2)) {
                  lost.remove(id);
                  if (rs.getBoolean(3)) {
                    stops.add(id);
                  }
                }
              }
            }
          }
          return new Heartbeat(stops, lost);
        });
  }

  List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
    return db.transaction(
        "expire operations of lost nodes",
        (c, attempt) -> {
          List<OperationRecord> expired = new ArrayList<>();
          try (PreparedStatement stale = c.prepareStatement(sql.stale)) {
            Database.setTimestamp(stale, 1, staleBefore);
            stale.setInt(2, BATCH);
            try (ResultSet rs = stale.executeQuery()) {
              while (rs.next()) {
                expired.add(rows.read(rs));
              }
            }
          }
          List<OperationRecord> changed = new ArrayList<>(expired.size());
          for (int i = 0; i < expired.size(); i++) {
            OperationRecord r = expired.get(i);
            boolean requeue = r.requeuable() && restartable.test(r.type());
            changed.add(requeue ? requeue(c, r, now) : fail(c, r, error, now));
          }
          return changed;
        });
  }

  private OperationRecord fail(Connection c, OperationRecord r, String error, Instant now)
      throws SQLException {
    OperationRecord failed = r.finished(Ending.failed(r.progress(), error), now);
    writes.write(c, failed);
    db.notify(c, Notification.changed(r.id()));
    return failed;
  }

  private OperationRecord requeue(Connection c, OperationRecord r, Instant now)
      throws SQLException {
    try (PreparedStatement requeue = c.prepareStatement(sql.requeue)) {
      Database.setTimestamp(requeue, 1, now);
      requeue.setString(2, r.id().value());
      requeue.executeUpdate();
    }
    writes.queue().add(1);
    db.notify(c, Notification.queued(r.type(), null));
    db.notify(c, Notification.changed(r.id()));
    return r.requeued(now);
  }

  Evicted evict(Instant now) {
    return db.transaction(
        "evict operations",
        (c, attempt) -> {
          List<OperationId> evicted = new ArrayList<>();
          List<OperationId> blobs = new ArrayList<>();
          try (PreparedStatement due = c.prepareStatement(sql.evictable)) {
            Database.setTimestamp(due, 1, now);
            due.setInt(2, BATCH);
            try (ResultSet rs = due.executeQuery()) {
              while (rs.next()) {
                OperationId id = OperationId.of(rs.getString(1));
                evicted.add(id);
                if (StoredResult.BLOB.equals(rs.getString(2))) {
                  blobs.add(id);
                }
              }
            }
          }
          for (OperationId id : evicted) {
            forget(c, id, now);
          }
          purgeTombstones(c, now, !evicted.isEmpty());
          return new Evicted(evicted.size(), blobs);
        });
  }

  /**
   * Forgets one final record, and its blob if it had one.
   *
   * @return false if there is none or it is active
   */
  boolean delete(OperationId id) {
    OperationRecord deleted =
        db.transaction(
            "delete operation " + id,
            (c, attempt) -> {
              OperationRecord r = writes.find(c, sql.lockById, id);
              if (r == null || r.state().isActive()) {
                return null;
              }
              forget(c, id, r.times().updatedAt());
              return r;
            });
    if (deleted != null && deleted.outcome().result() instanceof OperationResult.Download) {
      results.deleteBlob(id);
    }
    return deleted != null;
  }

  boolean forgotten(OperationId id) {
    return db.read(
        "check whether operation " + id + " was forgotten",
        (c, attempt) -> {
          try (PreparedStatement find = c.prepareStatement(sql.forgotten)) {
            find.setString(1, id.value());
            try (ResultSet rs = find.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** Which of these records are stopping: the poll of a node that does not listen. */
  Set<OperationId> stopping(List<OperationId> ids) {
    return db.read(
        "poll stop requests",
        (c, attempt) -> {
          Set<OperationId> stopping = new HashSet<>();
          for (int from = 0; from < ids.size(); from += CHUNK) {
            List<OperationId> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement find = c.prepareStatement(sql.stopping(chunk.size()))) {
              bindIds(find, 1, chunk);
              stopping.addAll(ids(find));
            }
          }
          return stopping;
        });
  }

  private void forget(Connection c, OperationId id, Instant from) throws SQLException {
    if (tombstoneCapacity > 0) {
      try (PreparedStatement tombstone = c.prepareStatement(sql.tombstone)) {
        tombstone.setString(1, id.value());
        Database.setTimestamp(tombstone, 2, from.plus(tombstoneTtl));
        tombstone.executeUpdate();
      }
    }
    try (PreparedStatement delete = c.prepareStatement(sql.delete)) {
      delete.setString(1, id.value());
      delete.executeUpdate();
    }
  }

  /** Drops expired tombstones, and the oldest beyond the capacity when some were just added. */
  private void purgeTombstones(Connection c, Instant now, boolean added) throws SQLException {
    try (PreparedStatement purge = c.prepareStatement(sql.purgeTombstones)) {
      Database.setTimestamp(purge, 1, now);
      purge.executeUpdate();
    }
    if (!added || tombstoneCapacity == 0) {
      return;
    }
    try (PreparedStatement find = c.prepareStatement(sql.tombstoneCutoff)) {
      find.setInt(1, tombstoneCapacity);
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          return;
        }
        try (PreparedStatement purge = c.prepareStatement(sql.purgeOldestTombstones)) {
          purge.setLong(1, rs.getLong(1));
          purge.executeUpdate();
        }
      }
    }
  }

  private static void bindIds(PreparedStatement statement, int from, Collection<OperationId> ids)
      throws SQLException {
    int i = from;
    for (OperationId id : ids) {
      statement.setString(i++, id.value());
    }
  }

  private static Set<OperationId> ids(PreparedStatement query) throws SQLException {
    Set<OperationId> ids = new HashSet<>();
    try (ResultSet rs = query.executeQuery()) {
      while (rs.next()) {
        ids.add(OperationId.of(rs.getString(1)));
      }
    }
    return ids;
  }
}
