package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transitions of one operation: insert, claim, stop request, progress and finish, each one
 * transaction that locks the rows it changes and notifies the other nodes on commit.
 *
 * <p>Retries after a lost connection may repeat a transaction whose commit went through. Insert and
 * finish recognise their own earlier commit on a later attempt; a claim whose commit was lost
 * leaves rows running for a node that does not know them, which the lease then expires.
 */
final class Writes {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  /** The error of an operation whose parameters no longer decode, for example after a change. */
  static final String UNREADABLE_PARAMETERS = "the operation's parameters could not be read";

  /** A finish to write, kept whole so it can be written again after an outage. */
  record Finish(
      OperationId id,
      OperationState state,
      double value,
      String text,
      String error,
      StoredResult result,
      Instant at) {}

  private final Database db;
  private final Sql sql;
  private final Rows rows;
  private final Set<String> unregisteredWarned = ConcurrentHashMap.newKeySet();

  Writes(Database db, Rows rows) {
    this.db = db;
    this.sql = db.sql;
    this.rows = rows;
  }

  InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
    String parameters = rows.encodeParameters(record);
    return db.transaction(
        "insert operation " + record.id(),
        (c, attempt) -> {
          lockInserts(c);
          OperationRecord existing = find(c, sql.findById, record.id());
          if (existing != null) {
            if (attempt > 1) {
              return new InsertResult.Inserted(existing, null);
            }
            throw new IllegalArgumentException("duplicate operation id " + record.id());
          }
          int queued = count(c);
          if (queued >= queueLimit) {
            return new InsertResult.Full(queued);
          }
          OperationRecord replaced = null;
          if (record.slot() != null) {
            OperationRecord holder = slotHolder(c, record);
            if (holder != null && !replaceActive) {
              return new InsertResult.Conflict(holder);
            }
            if (holder != null) {
              replaced = holder.withoutSlot().withStopRequest(null, record.createdAt());
              write(c, replaced);
              db.notify(c, Notification.stopRequested(replaced.id()));
            }
          }
          try (PreparedStatement insert = c.prepareStatement(sql.insert)) {
            Rows.bindInsert(insert, record, parameters);
            insert.executeUpdate();
          }
          db.notify(c, Notification.queued(record.type()));
          return new InsertResult.Inserted(record, replaced);
        });
  }

  List<OperationRecord> claim(String type, int max, String node, Instant now) {
    return db.transaction(
        "claim operations of " + type,
        (c, attempt) -> {
          Map<OperationRecord, String> queued = new LinkedHashMap<>();
          try (PreparedStatement select = c.prepareStatement(sql.queued)) {
            select.setString(1, type);
            select.setInt(2, max);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                queued.put(rows.readWithoutParameters(rs), rs.getString(9));
              }
            }
          }
          List<OperationRecord> claimed = new ArrayList<>();
          for (Map.Entry<OperationRecord, String> row : queued.entrySet()) {
            Object parameters;
            try {
              parameters = rows.parametersToRun(type, row.getValue());
            } catch (Rows.UnreadableParameters e) {
              failUnreadable(c, row.getKey(), e, now);
              continue;
            }
            OperationRecord r = Rows.withParameters(row.getKey(), parameters).claimedBy(node, now);
            try (PreparedStatement claim = c.prepareStatement(sql.claim)) {
              claim.setString(1, node);
              Database.setTimestamp(claim, 2, now);
              Database.setTimestamp(claim, 3, now);
              Database.setTimestamp(claim, 4, now);
              claim.setString(5, r.id().value());
              claim.executeUpdate();
            }
            db.notify(c, Notification.changed(r.id()));
            claimed.add(r);
          }
          return claimed;
        });
  }

  /**
   * Leaves a record of an unregistered type queued for a node whose engine runs it, and fails one
   * whose parameters no longer decode, so it does not block its type's queue.
   */
  private void failUnreadable(
      Connection c, OperationRecord row, Rows.UnreadableParameters e, Instant now)
      throws SQLException {
    if (e.unregistered) {
      if (unregisteredWarned.add(row.type())) {
        LOG.log(Level.WARNING, e.getMessage() + "; its operations stay queued");
      }
      return;
    }
    LOG.log(Level.WARNING, "operation " + row.id() + " failed: " + e.getMessage(), e.getCause());
    write(
        c,
        row.finished(
            OperationState.FAILED,
            row.value(),
            row.text(),
            UNREADABLE_PARAMETERS,
            OperationResult.none(),
            now));
    db.notify(c, Notification.changed(row.id()));
  }

  Optional<OperationRecord> requestStop(OperationId id, String text, Instant now) {
    return db.transaction(
        "request a stop of operation " + id,
        (c, attempt) -> {
          OperationRecord current = find(c, sql.lockById, id);
          if (current == null || current.state().isFinal()) {
            return Optional.ofNullable(current);
          }
          OperationRecord stopped = current.withStopRequest(text, now);
          write(c, stopped);
          db.notify(c, Notification.stopRequested(id));
          return Optional.of(stopped);
        });
  }

  void progress(ProgressThrottle.Report report) {
    db.transaction(
        "store the progress of operation " + report.id(),
        (c, attempt) -> {
          int updated;
          try (PreparedStatement progress = c.prepareStatement(sql.progress)) {
            progress.setDouble(1, report.value());
            progress.setString(2, report.text());
            Database.setTimestamp(progress, 3, report.at());
            progress.setString(4, report.id().value());
            updated = progress.executeUpdate();
          }
          if (updated > 0) {
            db.notify(c, Notification.changed(report.id()));
          }
          return null;
        });
  }

  /**
   * Writes a finish. A result that could not be kept fails the operation instead.
   *
   * @param again whether this finish was tried before, so finding it already written means it was
   *     this one
   */
  Optional<OperationRecord> finish(Finish f, boolean again) {
    return db.transaction(
        "finish operation " + f.id(),
        (c, attempt) -> {
          OperationRecord current = find(c, sql.lockById, f.id());
          if (current == null) {
            return Optional.empty();
          }
          StoredResult result = f.result();
          OperationState state = result.failure() == null ? f.state() : OperationState.FAILED;
          if (current.state().isFinal()) {
            boolean ours =
                (again || attempt > 1)
                    && current.state() == state
                    && Database.micros(f.at()).equals(current.finishedAt());
            return ours ? Optional.of(current) : Optional.empty();
          }
          String error = result.failure() == null ? f.error() : result.failure();
          OperationRecord done =
              current.finished(state, f.value(), f.text(), error, result.result(), f.at());
          try (PreparedStatement update = c.prepareStatement(sql.updateFinal)) {
            int i = Rows.bindState(update, done);
            update.setString(i, result.kind());
            update.setString(i + 1, result.value());
            update.setString(i + 2, result.mediaType());
            update.setString(i + 3, result.fileName());
            Rows.setNullableLong(update, i + 4, result.length());
            update.setString(i + 5, f.id().value());
            update.executeUpdate();
          }
          if (result.bytes() != null) {
            try (PreparedStatement content = c.prepareStatement(sql.insertContent)) {
              content.setString(1, f.id().value());
              content.setBytes(2, result.bytes());
              content.executeUpdate();
            }
          }
          db.notify(c, Notification.changed(f.id()));
          return Optional.of(done);
        });
  }

  /** Writes a record's state columns; a final record also loses its parameters and result. */
  void write(Connection c, OperationRecord r) throws SQLException {
    boolean last = r.state().isFinal();
    try (PreparedStatement update = c.prepareStatement(last ? sql.updateFinal : sql.updateActive)) {
      int i = Rows.bindState(update, r);
      if (last) {
        update.setString(i++, StoredResult.NONE);
        update.setString(i++, null);
        update.setString(i++, null);
        update.setString(i++, null);
        Rows.setNullableLong(update, i++, -1);
      }
      update.setString(i, r.id().value());
      update.executeUpdate();
    }
  }

  OperationRecord find(Connection c, String statement, OperationId id) throws SQLException {
    try (PreparedStatement find = c.prepareStatement(statement)) {
      find.setString(1, id.value());
      try (ResultSet rs = find.executeQuery()) {
        return rs.next() ? rows.read(rs) : null;
      }
    }
  }

  private OperationRecord slotHolder(Connection c, OperationRecord record) throws SQLException {
    try (PreparedStatement find = c.prepareStatement(sql.lockSlotHolder)) {
      find.setString(1, record.type());
      find.setString(2, record.slot());
      try (ResultSet rs = find.executeQuery()) {
        return rs.next() ? rows.read(rs) : null;
      }
    }
  }

  /**
   * Serialises inserts across nodes on one row, so that the queue count and the slot check hold
   * until commit. Inserts are rare next to claims and progress, which never take this lock.
   */
  private void lockInserts(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(sql.lockInserts);
        ResultSet rs = lock.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("the row 'insert' of the lock table is missing; re-apply the DDL");
      }
    }
  }

  private int count(Connection c) throws SQLException {
    try (PreparedStatement count = c.prepareStatement(sql.countQueued);
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
