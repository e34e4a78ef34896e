package io.github.asyncops.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** PostgreSQL: SKIP LOCKED claims, NOTIFY in the changing transaction, LISTEN on its own thread. */
final class PostgresDialect extends JdbcDialect {
  static final PostgresDialect INSTANCE = new PostgresDialect();

  private PostgresDialect() {}

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  String lockSkippingLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  String lockSkippingLockedInSubquery() {
    return lockSkippingLocked();
  }

  @Override
  String inLockingSubquery(String column, String subquery) {
    return column + " = ANY (ARRAY(" + subquery + "))";
  }

  @Override
  boolean foldsSideEffects() {
    return true;
  }

  @Override
  String returning(String update, String columns) {
    return update + " RETURNING " + columns;
  }

  @Override
  String plusMillis(String millisColumn) {
    return "(? + " + millisColumn + " * INTERVAL '1 millisecond')";
  }

  @Override
  String byCodePoint(String column) {
    return column + " COLLATE \"C\"";
  }

  @Override
  String inArray(String column) {
    return column + " = ANY (?)";
  }

  @Override
  void lockSchema(Connection connection, String key) throws SQLException {
    // Concurrent CREATE TABLE IF NOT EXISTS can fail on pg_type's unique index; a transaction
    // advisory lock makes the second node wait and then find everything in place.
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      lock.setString(1, key);
      lock.execute();
    }
  }

  @Override
  boolean qualifiesIndexNames() {
    return false;
  }

  @Override
  void notify(Connection connection, String channel, String payload) throws SQLException {
    try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
      notify.setString(1, channel);
      notify.setString(2, payload);
      notify.execute();
    }
  }

  @Override
  void analyzeIfNeverAnalyzed(Connection connection, String table) throws SQLException {
    boolean never;
    try (PreparedStatement pages =
        connection.prepareStatement("SELECT relpages = 0 FROM pg_class WHERE oid = ?::regclass")) {
      pages.setString(1, table);
      try (ResultSet rs = pages.executeQuery()) {
        never = rs.next() && rs.getBoolean(1);
      }
    }
    if (never) {
      try (Statement analyze = connection.createStatement()) {
        analyze.execute("ANALYZE " + table);
      }
    }
  }

  @Override
  NotificationSource listen(DataSource dataSource, String channel) throws SQLException {
    return PostgresNotifications.open(dataSource, channel);
  }
}
