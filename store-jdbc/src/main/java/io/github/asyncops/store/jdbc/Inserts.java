package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  private final Database db;
  private final Sql sql;
  private final Rows rows;
  private final Writes writes;
  private final String origin;
  private final QueueCount queue;
  private final FirstAnalyze firstAnalyze;
  private final Announcer announcer;
  private final IdempotencyKeys keys;

  /**
   * Creates the inserts of one store.
   *
   * @param origin names this store in its queued notifications, so its own news does not wake it
   */
  Inserts(Database db, Rows rows, Writes writes, FirstAnalyze firstAnalyze, String origin) {
    this.db = db;
    this.sql = db.sql;
    this.rows = rows;
    this.writes = writes;
    this.origin = origin;
    this.queue = writes.queue();
    this.firstAnalyze = firstAnalyze;
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
              writes.write(c, replaced);
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
              int next = Rows.bindInsert(insert, record, parameters);
              insert.setInt(next, queue.rowLimit(queueLimit));
              if (notify) {
                insert.setString(next + 1, db.channel());
                insert.setString(next + 2, Notification.queued(record.type(), origin));
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
          try (PreparedStatement insert = c.prepareStatement(sql.insert)) {
            int next = Rows.bindInsert(insert, record, parameters);
            insert.setInt(next, queue.rowLimit(queueLimit));
            inserted = insert.executeUpdate();
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
      firstAnalyze.inserted();
    }
    return result;
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

  private static boolean uniqueViolation(JdbcStoreException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
