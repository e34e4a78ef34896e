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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transitions of one operation: insert, claim, stop request, progress and finish, each one
 * transaction. Inserts and stop requests notify the other nodes on commit; queued work through the
 * {@link Announcer}, which lets one notification cover many inserts.
 *
 * <p>Design notes. The happy path costs at most three transactions per operation: an insert, a
 * share of a batch claim, and a finish, where a worker thread that ends one operation and takes the
 * next does both in one ({@link Handovers}). On PostgreSQL each is one statement that commits by
 * itself. None reads a row back: the claim, progress and finish are single UPDATEs that answer the
 * rows as stored ({@link JdbcDialect#returning}), and the claim picks a batch with {@code FOR
 * UPDATE SKIP LOCKED} inside that UPDATE, like db-scheduler's lock-and-fetch. Progress and finish
 * carry the epoch the node claimed with and change nothing if it moved on (fencing). The queue
 * limit is checked in the INSERT against counter rows that no insert or claim writes ({@link
 * QueueCount}), so inserts take no cluster-wide lock, count nothing and never wait for each other.
 *
 * <p>Retries after a lost connection may repeat a transaction whose commit went through. An insert
 * recognises its own earlier commit on a later attempt; a claim whose commit was lost leaves rows
 * running for a node that does not know them, which the lease then expires; a finish whose commit
 * was lost answers empty on the retry, and the row is final as it wrote it.
 */
final class Writes {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  /** The error of an operation whose parameters no longer decode, for example after a change. */
  static final String UNREADABLE_PARAMETERS = "the operation's parameters could not be read";

  /** The SQLState of a unique violation: a slot taken by a concurrent insert. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** A finish to write, kept whole so it can be written again after an outage. */
  record Finish(
      OperationId id,
      long epoch,
      OperationState state,
      double value,
      String text,
      String error,
      StoredResult result,
      Instant at) {}

  private final Database db;
  private final Sql sql;
  private final Rows rows;
  private final String origin;
  private final QueueCount queue;
  private final Announcer announcer;
  private final IdempotencyKeys keys;
  private final Set<String> unregisteredWarned = ConcurrentHashMap.newKeySet();

  /**
   * Creates the writes of one store.
   *
   * @param origin names this store in its queued notifications, so its own news does not wake it
   */
  Writes(Database db, Rows rows, String origin) {
    this.db = db;
    this.sql = db.sql;
    this.rows = rows;
    this.origin = origin;
    this.queue = new QueueCount(db);
    this.announcer = new Announcer(this::announce);
    this.keys = new IdempotencyKeys(db.sql, rows);
  }

  /** The queue's size, for the queue limit. */
  QueueCount queue() {
    return queue;
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
      if ((record.slot() == null && record.idempotencyKey() == null) || !uniqueViolation(e)) {
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
            OperationRecord existing = find(c, sql.findById, record.id());
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
              replaced = holder.withoutSlot().withStopRequest(null, record.createdAt());
              write(c, replaced);
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
    }
    return result;
  }

  /**
   * Claims up to {@code max} queued operations of a type in one UPDATE that locks them skipping
   * rows other nodes hold, and answers them with the next epoch.
   */
  List<OperationRecord> claim(String type, int max, String node, Instant now) {
    Database.Work<List<OperationRecord>> work =
        (c, attempt) -> {
          List<OperationRecord> rowsClaimed = new ArrayList<>();
          List<String> parameters = new ArrayList<>();
          try (PreparedStatement claim = c.prepareStatement(sql.claim)) {
            bindClaim(claim, 1, type, max, node, now);
            try (ResultSet rs = claim.executeQuery()) {
              while (rs.next()) {
                rowsClaimed.add(rows.readWithoutParameters(rs));
                parameters.add(rs.getString(9));
              }
            }
          }
          return toRun(c, type, rowsClaimed, parameters, now);
        };
    // PostgreSQL's claim is one statement that commits by itself; putting back the rare record
    // whose parameters do not decode follows in statements of their own.
    String what = "claim operations of " + type;
    return sql.folded ? db.statement(what, work) : db.transaction(what, work);
  }

  /** Binds {@link Sql#claim}'s 6 parameters, from {@code first} on. */
  static void bindClaim(
      PreparedStatement claim, int first, String type, int max, String node, Instant now)
      throws SQLException {
    claim.setString(first, node);
    Database.setTimestamp(claim, first + 1, now);
    Database.setTimestamp(claim, first + 2, now);
    Database.setTimestamp(claim, first + 3, now);
    claim.setString(first + 4, type);
    claim.setInt(first + 5, max);
  }

  /**
   * Gives claimed rows their parameters, oldest first. A row whose parameters do not decode goes
   * back to the queue or fails ({@link #unreadable}), and the queue counter, which a folded claim
   * already took the whole batch from, gets the returned rows back.
   *
   * @param parameters each row's encoded parameters, in the order of the rows
   */
  List<OperationRecord> toRun(
      Connection c,
      String type,
      List<OperationRecord> rowsClaimed,
      List<String> parameters,
      Instant now)
      throws SQLException {
    if (rowsClaimed.isEmpty()) {
      return List.of();
    }
    List<OperationRecord> claimed = new ArrayList<>(rowsClaimed.size());
    int released = 0;
    for (int i = 0; i < rowsClaimed.size(); i++) {
      OperationRecord row = rowsClaimed.get(i);
      try {
        claimed.add(row.withParameters(rows.parametersToRun(type, parameters.get(i))));
      } catch (Rows.UnreadableParameters e) {
        released += unreadable(c, row, e, now) ? 1 : 0;
      }
    }
    claimed.sort(Comparator.comparing(OperationRecord::createdAt));
    queue.add(released - rowsClaimed.size());
    return claimed;
  }

  /**
   * Puts a claimed record of an unregistered type back in the queue for a node whose engine runs
   * it, and fails one whose parameters no longer decode, so it does not block its type's queue.
   *
   * @return true if it went back to the queue
   */
  private boolean unreadable(
      Connection c, OperationRecord row, Rows.UnreadableParameters e, Instant now)
      throws SQLException {
    if (e.unregistered) {
      if (unregisteredWarned.add(row.type())) {
        LOG.log(Level.WARNING, e.getMessage() + "; its operations stay queued");
      }
      try (PreparedStatement unclaim = c.prepareStatement(sql.unclaim)) {
        unclaim.setString(1, row.id().value());
        unclaim.executeUpdate();
      }
      return true;
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
    return false;
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
          if (current.state() == OperationState.QUEUED) {
            queue.add(-1);
          }
          db.notify(c, Notification.stopRequested(id));
          return Optional.of(stopped);
        });
  }

  /** Stores progress under an epoch; empty if the record is final or has another epoch. */
  Optional<OperationRecord> progress(
      OperationId id, long epoch, double value, String text, Instant at) {
    return db.transaction(
        "store the progress of operation " + id,
        (c, attempt) -> {
          OperationRecord stored;
          try (PreparedStatement progress = c.prepareStatement(sql.progress)) {
            progress.setDouble(1, value);
            progress.setString(2, text);
            Database.setTimestamp(progress, 3, at);
            progress.setString(4, id.value());
            progress.setLong(5, epoch);
            try (ResultSet rs = progress.executeQuery()) {
              stored = rs.next() ? rows.readWithoutParameters(rs) : null;
            }
          }
          return Optional.ofNullable(stored);
        });
  }

  /**
   * Writes a finish under its epoch. A result that could not be kept fails the operation instead.
   *
   * @return the final record; empty if it was final already or has another epoch
   */
  Optional<OperationRecord> finish(Finish f) {
    Database.Work<Optional<OperationRecord>> work =
        (c, attempt) -> {
          StoredResult result = f.result();
          OperationRecord done;
          try (PreparedStatement update = c.prepareStatement(sql.finish)) {
            bindFinish(update, f);
            try (ResultSet rs = update.executeQuery()) {
              done = rs.next() ? rows.readWithoutParameters(rs) : null;
            }
          }
          if (done == null) {
            return Optional.empty();
          }
          if (result.bytes() != null) {
            try (PreparedStatement content = c.prepareStatement(sql.insertContent)) {
              content.setString(1, f.id().value());
              content.setBytes(2, result.bytes());
              content.executeUpdate();
            }
          }
          if (done.startedAt() == null) {
            queue.add(-1);
          }
          return Optional.of(done);
        };
    String what = "finish operation " + f.id();
    return oneStatement(f) ? db.statement(what, work) : db.transaction(what, work);
  }

  /**
   * Whether a finish is one statement that commits by itself: on PostgreSQL, for a claimed
   * operation whose result has no content to insert.
   */
  boolean oneStatement(Finish f) {
    return sql.folded && f.epoch() > 0 && f.result().bytes() == null;
  }

  /**
   * Binds {@link Sql#finish}'s 14 parameters. A result that could not be kept fails the operation.
   */
  static void bindFinish(PreparedStatement update, Finish f) throws SQLException {
    StoredResult result = f.result();
    OperationState state = result.failure() == null ? f.state() : OperationState.FAILED;
    String error = result.failure() == null ? f.error() : result.failure();
    update.setString(1, state.name());
    update.setDouble(2, f.value());
    update.setString(3, f.text());
    Database.setTimestamp(update, 4, f.at());
    Database.setTimestamp(update, 5, f.at());
    Database.setTimestamp(update, 6, f.at());
    update.setString(7, error);
    update.setString(8, result.kind());
    update.setString(9, result.value());
    update.setString(10, result.mediaType());
    update.setString(11, result.fileName());
    Rows.setNullableLong(update, 12, result.length());
    update.setString(13, f.id().value());
    update.setLong(14, f.epoch());
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

  private static boolean uniqueViolation(JdbcStoreException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
