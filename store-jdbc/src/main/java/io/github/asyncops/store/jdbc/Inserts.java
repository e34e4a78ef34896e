package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Inserts: a start's QUEUED record, under its slot, its idempotency key and the queue limit.
 *
 * <p>Design notes. Without a slot, PostgreSQL's insert is one statement that commits by itself and
 * checks the queue limit against {@link QueueCount}; a key already taken fails it on the unique
 * index, and the retry answers the holder. A slot needs a transaction that finds the slot's holder
 * first, and the key's, so that a replay wins over a conflict or a replacement. Queued work is
 * announced to the other nodes through the {@link Announcer}: a lone insert notifies in its own
 * statement, and inserts that commit while another notifies are announced together. An insert
 * recognises its own earlier commit when a lost connection made it try again.
 */
final class Inserts {
  /** The SQLState of a unique violation: a slot or key taken by a concurrent insert. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** The latest instant both databases keep. */
  private static final Instant LAST = Instant.parse("9999-12-31T00:00:00Z");

  private final Database db;
  private final Sql sql;
  private final Rows rows;
  private final Writes writes;
  private final String origin;
  private final QueueCount queue;
  private final Announcer announcer;
  private final IdempotencyKeys keys;

  /**
   * Creates the inserts of one store.
   *
   * @param origin names this store in its queued notifications, so its own news does not wake it
   */
  Inserts(Database db, Rows rows, Writes writes, String origin) {
    this.db = db;
    this.sql = db.sql;
    this.rows = rows;
    this.writes = writes;
    this.origin = origin;
    this.queue = writes.queue();
    this.announcer = new Announcer(this::announce);
    this.keys = new IdempotencyKeys(db.sql, rows);
  }

  /** Tells the other nodes, in one transaction, that work of these types was queued. */
  private void announce(List<String> types) {
    Database.Work<Void> work =
        (c, attempt) -> {
          for (String type : types) {
            db.notify(c, Notification.queued(type, origin));
          }
          return null;
        };
    String what = "announce queued work";
    if (types.size() == 1) {
      db.statement(what, work);
    } else {
      db.transaction(what, work);
    }
  }

  /** Stops announcing queued work. */
  void close() {
    announcer.close();
  }

  InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
    String parameters = rows.encodeParameters(record);
    if (!sql.folded) {
      // A database that cannot notify (H2) has nothing to announce.
      return insertRetried(record, parameters, replaceActive, queueLimit, false);
    }
    Announcer.Fold fold = announcer.fold(record.type());
    InsertResult result = null;
    try {
      result = insertRetried(record, parameters, replaceActive, queueLimit, fold != null);
      return result;
    } finally {
      announcer.end(fold, record.type(), result instanceof InsertResult.Inserted);
    }
  }

  private InsertResult insertRetried(
      OperationRecord record,
      String parameters,
      boolean replaceActive,
      int queueLimit,
      boolean notify) {
    try {
      return insertOnce(record, parameters, replaceActive, queueLimit, notify, false);
    } catch (JdbcStoreException e) {
      if ((record.slot() == null && record.idempotency() == null) || !uniqueViolation(e)) {
        throw e;
      }
      // Another node's insert took the slot or key between this one's check and its INSERT; once
      // more sees the holder and replays, joins, rejects or replaces it.
      return insertOnce(record, parameters, replaceActive, queueLimit, notify, true);
    }
  }

  private InsertResult insertOnce(
      OperationRecord record,
      String parameters,
      boolean replaceActive,
      int queueLimit,
      boolean notify,
      boolean retried) {
    // Without a slot, PostgreSQL's insert is one statement that commits by itself. A key already
    // taken then fails it on the unique index, and the retry looks the holder up; a slot's
    // transaction looks first, so that a replay wins over a replacement.
    boolean oneStatement = sql.folded && record.slot() == null;
    boolean lookUpKey = retried || !oneStatement;
    Database.Work<InsertResult> work =
        (c, attempt) -> {
          if (attempt > 1) {
            OperationRecord existing = writes.find(c, sql.findById, record.id());
            if (existing != null) {
              return new InsertResult.Inserted(existing, null);
            }
          }
          OperationRecord earlier = lookUpKey ? keys.holder(c, record) : null;
          if (earlier != null) {
            return new InsertResult.Replay(earlier);
          }
          OperationRecord replaced = null;
          if (record.slot() != null) {
            OperationRecord holder = slotHolder(c, record);
            if (holder != null && !replaceActive) {
              return keys.refusal(c, record, new InsertResult.Conflict(holder));
            }
            if (holder != null) {
              replaced = holder.withoutSlot().withStopRequest(null, record.times().createdAt());
              writes.records().write(c, writes.records().locate(c, holder.id()), replaced);
              if (holder.state() == OperationState.QUEUED) {
                queue.add(-1);
              }
              db.notify(c, Notification.stopRequested(replaced.id()));
            }
          }
          if (sql.folded) {
            boolean inserted;
            try (PreparedStatement insert =
                c.prepareStatement(notify ? sql.insertFolded : sql.insertFoldedQuietly)) {
              int next = bindRecord(insert, record, parameters);
              insert.setInt(next, queue.rowLimit(queueLimit));
              next = bindJob(insert, next + 1, record);
              if (notify) {
                insert.setString(next, db.channel());
                insert.setString(next + 1, Notification.queued(record.type(), origin));
              }
              try (ResultSet rs = insert.executeQuery()) {
                inserted = rs.next();
              }
            }
            if (!inserted) {
              if (!oneStatement) {
                c.rollback();
              }
              return keys.refusal(
                  c,
                  record,
                  new InsertResult.Full((int) Math.min(Integer.MAX_VALUE, queue.size(c))));
            }
            return new InsertResult.Inserted(record, replaced);
          }
          int inserted;
          try (PreparedStatement insert = c.prepareStatement(sql.insertRecord)) {
            int next = bindRecord(insert, record, parameters);
            insert.setInt(next, queue.rowLimit(queueLimit));
            inserted = insert.executeUpdate();
          }
          if (inserted > 0) {
            try (PreparedStatement insert = c.prepareStatement(sql.insertJob)) {
              insert.setString(bindJob(insert, 1, record), record.id().value());
              insert.executeUpdate();
            }
          }
          if (inserted == 0) {
            c.rollback();
            return keys.refusal(
                c, record, new InsertResult.Full((int) Math.min(Integer.MAX_VALUE, queue.size(c))));
          }
          if (notify) {
            db.notify(c, Notification.queued(record.type(), origin));
          }
          return new InsertResult.Inserted(record, replaced);
        };
    String what = "insert operation " + record.id();
    InsertResult result = oneStatement ? db.statement(what, work) : db.transaction(what, work);
    if (result instanceof InsertResult.Inserted) {
      queue.add(1);
    }
    return result;
  }

  /** The active record that holds the slot of {@code record}, with its queue row locked. */
  private OperationRecord slotHolder(Connection c, OperationRecord record) throws SQLException {
    String id;
    try (PreparedStatement find = c.prepareStatement(sql.lockSlotHolder)) {
      find.setString(1, record.type());
      find.setString(2, record.slot());
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        id = rs.getString(1);
      }
    }
    return writes.find(c, sql.findById, OperationId.of(id));
  }

  /**
   * Binds a queued record's row and its {@link Rows#encodeParameters encoded parameters}, 1 to 11.
   *
   * @return the next parameter index
   */
  private static int bindRecord(PreparedStatement insert, OperationRecord r, String parameters)
      throws SQLException {
    insert.setString(1, r.id().value());
    insert.setString(2, r.type());
    insert.setString(3, r.state().name());
    insert.setString(4, r.owner());
    insert.setString(5, r.key());
    insert.setString(6, parameters);
    Database.setTimestamp(insert, 7, r.times().createdAt());
    insert.setLong(8, r.retention().toMillis());
    insert.setString(9, IdempotencyKeys.column(r));
    insert.setString(10, r.idempotency() == null ? null : r.idempotency().fingerprint());
    Database.setTimestamp(insert, 11, evictAfter(r));
    return 12;
  }

  /** The earliest a record may be forgotten: its creation plus its retention, at most year 9999. */
  static Instant evictAfter(OperationRecord r) {
    Instant created = r.times().createdAt();
    return r.retention().compareTo(Duration.between(created, LAST)) >= 0
        ? LAST
        : created.plus(r.retention());
  }

  /**
   * Binds the queue row's own columns of a queued record (slot and progress), from {@code first}.
   *
   * @return the next parameter index
   */
  private static int bindJob(PreparedStatement insert, int first, OperationRecord r)
      throws SQLException {
    insert.setString(first, r.slot());
    insert.setDouble(first + 1, r.progress().value());
    insert.setString(first + 2, r.progress().text());
    insert.setString(first + 3, Rows.encoded(r.progress().message()));
    return first + 4;
  }

  private static boolean uniqueViolation(JdbcStoreException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
