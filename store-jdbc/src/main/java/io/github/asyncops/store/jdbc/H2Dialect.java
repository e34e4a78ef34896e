package io.github.asyncops.store.jdbc;

import java.sql.Connection;
import javax.sql.DataSource;

/**
 * H2, embedded and used by one node. H2 applies {@code FETCH FIRST} before it skips locked rows, so
 * two threads claiming at once may find nothing although more is queued; the engine's next tick
 * claims it, which costs one node at most a tick of latency.
 */
final class H2Dialect extends JdbcDialect {
  static final H2Dialect INSTANCE = new H2Dialect();

  private H2Dialect() {}

  @Override
  public String name() {
    return "h2";
  }

  @Override
  String lockSkippingLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  String lockSkippingLockedInSubquery() {
    return "";
  }

  @Override
  String inLockingSubquery(String column, String subquery) {
    return column + " IN (" + subquery + ")";
  }

  @Override
  boolean foldsSideEffects() {
    return false;
  }

  @Override
  String returning(String update, String columns) {
    return "SELECT " + columns + " FROM FINAL TABLE (" + update + ")";
  }

  @Override
  String plusMillis(String millisColumn) {
    return "DATEADD(MILLISECOND, " + millisColumn + ", CAST(? AS TIMESTAMP WITH TIME ZONE))";
  }

  @Override
  String byCodePoint(String column) {
    return column; // H2 compares strings by code unit unless a collation is set
  }

  @Override
  String inArray(String column) {
    return "ARRAY_CONTAINS(CAST(? AS VARCHAR ARRAY), " + column + ")";
  }

  @Override
  void lockSchema(Connection connection, String key) {}

  @Override
  boolean qualifiesIndexNames() {
    return true;
  }

  @Override
  void notify(Connection connection, String channel, String payload) {}

  @Override
  NotificationSource listen(DataSource dataSource, String channel) {
    return null;
  }
}
