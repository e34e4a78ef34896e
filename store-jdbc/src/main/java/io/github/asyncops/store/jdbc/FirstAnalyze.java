package io.github.asyncops.store.jdbc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives a new deployment's operation table its first statistics, once this node has inserted
 * {@value #AFTER} operations, if the table has none yet.
 *
 * <p>Design notes. The store's statements are prepared, and PostgreSQL keeps a prepared statement's
 * generic plan until the table's statistics change. A table that was never analyzed is planned as a
 * few pages whatever it holds, so the plans made on a new deployment's first operations read the
 * whole table to find one row by id, and keep doing so as it grows, until autovacuum first analyzes
 * it at its next round (a minute apart by default). One {@code ANALYZE} when this node has inserted
 * {@value #AFTER} operations ends that early: it reads a sample, takes milliseconds, and makes
 * every session plan its statements again. It runs at most once per store, from the store's tick,
 * and only on a table that has no statistics (its {@code relpages} is 0); PostgreSQL skips it with
 * a warning if the store's role does not own the table. H2 keeps its own statistics, so there it
 * does nothing.
 */
final class FirstAnalyze {
  /** Inserts by this node after which the table is checked. */
  static final int AFTER = 1_000;

  private final Database db;
  private final AtomicLong inserted = new AtomicLong();
  private volatile boolean done;

  FirstAnalyze(Database db) {
    this.db = db;
  }

  /** Counts one insert of this node. */
  void inserted() {
    if (!done) {
      inserted.incrementAndGet();
    }
  }

  /** Analyzes the operation table if this node inserted enough and it was never analyzed. */
  void tick() {
    if (done || inserted.get() < AFTER) {
      return;
    }
    done = true;
    db.statement(
        "analyze the operation table",
        (c, attempt) -> {
          db.dialect.analyzeIfNeverAnalyzed(c, db.sql.tables().operation());
          return null;
        });
  }
}
