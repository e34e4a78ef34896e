package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
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
 * The transitions of a queued or claimed operation: claim, stop request, progress and finish, each
 * one transaction; inserts are {@link Inserts}. Stop requests notify the other nodes on commit.
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
 * <p>Retries after a lost connection may repeat a transaction whose commit went through. A claim
 * whose commit was lost leaves rows running for a node that does not know them, which the lease
 * then expires; a finish whose commit was lost answers empty on the retry, and the row is final as
 * it wrote it.
 */
final class Writes {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  /** The error of an operation whose parameters no longer decode, for example after a change. */
  static final String UNREADABLE_PARAMETERS = "the operation's parameters could not be read";

  /** A finish to write, kept whole so it can be written again after an outage. */
  record Finish(OperationId id, long epoch, Ending ending, StoredResult result, Instant at) {

    /** The state written: FAILED instead when the result could not be kept. */
    OperationState storedState() {
      return result.failure() == null ? ending.state() : OperationState.FAILED;
    }

    /** The error written: the reason the result could not be kept, if it could not. */
    String storedError() {
      return result.failure() == null ? ending.error() : result.failure();
    }

    double value() {
      return ending.last().value();
    }

    String text() {
      return ending.last().text();
    }

    /** The last progress's message as its column keeps it, or null. */
    String message() {
      return Rows.encoded(ending.last().message());
    }

    /** The failure's stack trace, kept only when the state written is the ending's own. */
    String cause() {
      return result.failure() == null ? ending.cause() : null;
    }

    /** The error's message as its column keeps it, only when the error written is the ending's. */
    String errorMessage() {
      return result.failure() == null ? Rows.encoded(ending.errorMessage()) : null;
    }
  }

  private final Database db;
  private final Sql sql;
  private final Rows rows;
  private final QueueCount queue;
  private final Set<String> unregisteredWarned = ConcurrentHashMap.newKeySet();

  /** Creates the writes of one store. */
  Writes(Database db, Rows rows) {
    this.db = db;
    this.sql = db.sql;
    this.rows = rows;
    this.queue = new QueueCount(db);
  }

  /** The queue's size, for the queue limit. */
  QueueCount queue() {
    return queue;
  }

  /**
   * Claims up to {@code max} queued operations of a type in one UPDATE that locks them skipping
   * rows other nodes hold, and answers them with the next epoch.
   */
  List<OperationRecord> claim(ClaimRequest request, Instant now) {
    String type = request.type();
    Database.Work<List<OperationRecord>> work =
        (c, attempt) -> {
          List<OperationRecord> rowsClaimed = new ArrayList<>();
          List<String> parameters = new ArrayList<>();
          try (PreparedStatement claim = c.prepareStatement(sql.claim)) {
            bindClaim(claim, 1, request, now);
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
  static void bindClaim(PreparedStatement claim, int first, ClaimRequest request, Instant now)
      throws SQLException {
    claim.setString(first, request.node());
    Database.setTimestamp(claim, first + 1, now);
    Database.setTimestamp(claim, first + 2, now);
    Database.setTimestamp(claim, first + 3, now);
    claim.setString(first + 4, request.type());
    claim.setInt(first + 5, request.max());
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
    claimed.sort(Comparator.comparing(r -> r.times().createdAt()));
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
    write(c, row.finished(Ending.failed(row.progress(), UNREADABLE_PARAMETERS), now));
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
  Optional<OperationRecord> progress(OperationId id, long epoch, Progress update, Instant at) {
    return db.transaction(
        "store the progress of operation " + id,
        (c, attempt) -> {
          OperationRecord stored;
          try (PreparedStatement progress = c.prepareStatement(sql.progress)) {
            progress.setDouble(1, update.value());
            progress.setString(2, update.text());
            progress.setString(3, Rows.encoded(update.message()));
            Database.setTimestamp(progress, 4, at);
            progress.setString(5, id.value());
            progress.setLong(6, epoch);
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
          if (done.times().startedAt() == null) {
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
   * Binds {@link Sql#finish}'s 17 parameters. A result that could not be kept fails the operation.
   */
  private static void bindFinish(PreparedStatement update, Finish f) throws SQLException {
    StoredResult result = f.result();
    update.setString(1, f.storedState().name());
    update.setDouble(2, f.value());
    update.setString(3, f.text());
    Database.setTimestamp(update, 4, f.at());
    Database.setTimestamp(update, 5, f.at());
    Database.setTimestamp(update, 6, f.at());
    update.setString(7, f.storedError());
    update.setString(8, result.kind());
    update.setString(9, result.value());
    update.setString(10, result.mediaType());
    update.setString(11, result.fileName());
    Rows.setNullableLong(update, 12, result.length());
    update.setString(13, f.message());
    update.setString(14, f.cause());
    update.setString(15, f.errorMessage());
    update.setString(16, f.id().value());
    update.setLong(17, f.epoch());
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
}
