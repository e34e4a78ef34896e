package io.github.asyncops.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many operations are queued across the cluster, for the queue limit, kept without a lock and
 * without counting the queue at every insert.
 *
 * <p>Design notes. The count lives in a few counter rows ({@link Tables#queue()}). Inserts, claims
 * and the other changes into or out of QUEUED add to this node's pending change in memory ({@link
 * #add}), not to a row, so they never wait for each other on a counter row; the store's tick adds
 * the pending change to one row in one statement ({@link #flush}). An insert checks the limit
 * against the rows' sum plus this node's pending change, so one node alone never passes the limit
 * by more than its concurrent inserts; what other nodes queued since their last tick (100 ms by
 * default) is not seen yet, so concurrent starts on several nodes at the limit may pass it by that
 * much. The count can drift: a node that dies loses its pending change, a transaction retried after
 * a lost connection may add twice, and a rolled-back one may have added. So every eviction interval
 * {@link #recount} sets the rows to a count of the queue, one statement over the queue's index,
 * which bounds any drift in time.
 */
final class QueueCount {
  /** The counter rows, as the DDL creates them. */
  private static final int SHARDS = 16;

  private final Database db;
  private final AtomicLong pending = new AtomicLong();

  QueueCount(Database db) {
    this.db = db;
  }

  /** Records a change of the queue, written to the counter rows at the next {@link #flush}. */
  void add(int delta) {
    if (delta != 0) {
      pending.addAndGet(delta);
    }
  }

  /**
   * The most records the counter rows may hold for an insert to be accepted under a queue limit:
   * the limit less this node's pending change.
   */
  int rowLimit(int queueLimit) {
    long limit = queueLimit - pending.get();
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, limit));
  }

  /** The queue's size as this node sees it: the rows' sum and its pending change. */
  long size(Connection c) throws SQLException {
    try (PreparedStatement size = c.prepareStatement(db.sql.queueSize);
        ResultSet rs = size.executeQuery()) {
      rs.next();
      return rs.getLong(1) + pending.get();
    }
  }

  /** Adds the pending change to one counter row; nothing when there is none. */
  void flush() {
    long delta = pending.getAndSet(0);
    if (delta == 0) {
      return;
    }
    try {
      db.statement(
          "update the queue's size",
          (c, attempt) -> {
            try (PreparedStatement add = c.prepareStatement(db.sql.addQueued)) {
              add.setLong(1, delta);
              add.setInt(2, ThreadLocalRandom.current().nextInt(SHARDS));
              return add.executeUpdate();
            }
          });
    } catch (RuntimeException e) {
      pending.addAndGet(delta);
      throw e;
    }
  }

  /** Sets the counter rows to a count of the queue, dropping this node's pending change. */
  void recount() {
    pending.set(0);
    db.statement(
        "count the queue",
        (c, attempt) -> {
          try (PreparedStatement recount = c.prepareStatement(db.sql.recountQueue)) {
            return recount.executeUpdate();
          }
        });
  }
}
