package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Writes of a record and its queue row that the engine's hot path does not make (a stop request, a
 * replaced slot holder, an expired or unreadable operation, a finish on H2), each in the caller's
 * transaction, and the tally of ended operations they keep.
 *
 * <p>Design notes. A record is found by its id; its queue row by the record's {@code (type_name,
 * seq)}, the queue table's one index besides the held slot. An active record's transitions change
 * only the queue row; its end deletes the queue row, writes the record's final columns once, adds
 * one to the tally row of its type, final state and {@link #shard} (so that the operator console
 * counts ended operations without reading the records), and keeps a failure's end time for the
 * console's "failed in the last hour". PostgreSQL's one-statement finish ({@link Sql#finish}) does
 * the same in one statement.
 */
final class Records {
  /** How many rows each (type, final state) of the tally is split over. */
  static final int SHARDS = 16;

  /** Where a record's queue row is: its type and queue position. */
  record Key(String type, long seq) {}

  private final Sql sql;

  Records(Sql sql) {
    this.sql = sql;
  }

  /** The tally shard of an operation: a hash of its id, so that concurrent ends spread out. */
  static int shard(OperationId id) {
    return Math.floorMod(id.value().hashCode(), SHARDS);
  }

  /** Where the queue row of a record is, or null if there is no such record. */
  Key locate(Connection c, OperationId id) throws SQLException {
    try (PreparedStatement find = c.prepareStatement(sql.locate)) {
      find.setString(1, id.value());
      try (ResultSet rs = find.executeQuery()) {
        return rs.next() ? new Key(rs.getString(1), rs.getLong(2)) : null;
      }
    }
  }

  /**
   * Locks the queue row of a record, so that no end or claim changes it until the transaction ends.
   *
   * @return false if the record has no queue row (it is final, or there is none)
   */
  boolean lockJob(Connection c, Key key) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(sql.lockJob)) {
      lock.setString(1, key.type());
      lock.setLong(2, key.seq());
      try (ResultSet rs = lock.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Writes a record as it is now: an active one's queue row, or a final one's end (its queue row
   * deleted, its final columns, its tally and failure).
   */
  void write(Connection c, Key key, OperationRecord r) throws SQLException {
    if (r.state().isFinal()) {
      try (PreparedStatement delete = c.prepareStatement(sql.deleteJob)) {
        delete.setString(1, key.type());
        delete.setLong(2, key.seq());
        delete.executeUpdate();
      }
      writeFinal(c, r, StoredResult.none());
      return;
    }
    try (PreparedStatement update = c.prepareStatement(sql.updateJob)) {
      update.setString(1, r.slot());
      update.setBoolean(2, r.state() != OperationState.QUEUED);
      update.setString(3, r.lease().node());
      update.setLong(4, r.lease().epoch());
      Database.setTimestamp(update, 5, r.lease().heartbeatAt());
      Database.setTimestamp(update, 6, r.times().startedAt());
      Database.setTimestamp(update, 7, r.times().updatedAt());
      update.setDouble(8, r.progress().value());
      update.setString(9, r.progress().text());
      update.setString(10, Rows.encoded(r.progress().message()));
      update.setBoolean(11, r.stopRequested());
      update.setString(12, key.type());
      update.setLong(13, key.seq());
      update.executeUpdate();
    }
  }

  /**
   * Writes the final columns of a record whose queue row is gone, with a result as stored, and its
   * tally and failure.
   */
  void writeFinal(Connection c, OperationRecord r, StoredResult result) throws SQLException {
    Instant finished = r.times().finishedAt();
    try (PreparedStatement update = c.prepareStatement(sql.updateFinal)) {
      update.setString(1, r.state().name());
      update.setDouble(2, r.progress().value());
      update.setString(3, r.progress().text());
      update.setString(4, Rows.encoded(r.progress().message()));
      Database.setTimestamp(update, 5, r.times().startedAt());
      Database.setTimestamp(update, 6, finished);
      Database.setTimestamp(update, 7, r.evictAt());
      update.setString(8, r.outcome().error());
      update.setString(9, r.outcome().cause());
      update.setString(10, Rows.encoded(r.outcome().errorMessage()));
      update.setString(11, result.kind());
      update.setString(12, result.value());
      update.setString(13, result.mediaType());
      update.setString(14, result.fileName());
      Rows.setNullableLong(update, 15, result.length());
      update.setBoolean(16, r.stopRequested());
      update.setString(17, r.lease().node());
      Database.setTimestamp(update, 18, r.lease().heartbeatAt());
      update.setLong(19, r.lease().epoch());
      update.setString(20, r.id().value());
      update.executeUpdate();
    }
    tally(c, r.type(), r.state().name(), shard(r.id()), 1);
    if (r.state() == OperationState.FAILED) {
      try (PreparedStatement failure = c.prepareStatement(sql.failure)) {
        failure.setString(1, r.id().value());
        Database.setTimestamp(failure, 2, finished);
        failure.executeUpdate();
      }
    }
  }

  /** Adds {@code n} (negative to take away) to a tally row. */
  void tally(Connection c, String type, String state, int shard, long n) throws SQLException {
    try (PreparedStatement add = c.prepareStatement(sql.tallyAdd)) {
      add.setString(1, type);
      add.setString(2, state);
      add.setInt(3, shard);
      add.setLong(4, n);
      add.executeUpdate();
    }
  }
}
