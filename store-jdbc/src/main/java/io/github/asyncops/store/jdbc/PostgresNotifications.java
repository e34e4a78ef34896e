package io.github.asyncops.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The only class that uses the PostgreSQL driver's own API: plain JDBC cannot wait for
 * notifications. It is loaded only when the PostgreSQL dialect starts listening, so the driver is a
 * {@code provided} dependency that applications on other databases never need.
 */
final class PostgresNotifications implements NotificationSource {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  /** How often an idle LISTEN connection is checked with a round trip. */
  private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

  /** How long that check may take before the connection counts as lost. */
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

  private final Connection connection;
  private final PGConnection pg;
  private long lastCheck = System.nanoTime();

  private PostgresNotifications(Connection connection, PGConnection pg) {
    this.connection = connection;
    this.pg = pg;
  }

  static PostgresNotifications open(DataSource dataSource, String channel) throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      connection.setAutoCommit(true);
      try (Statement listen = connection.createStatement()) {
        listen.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
      }
      return new PostgresNotifications(connection, connection.unwrap(PGConnection.class));
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public List<String> await(Duration timeout) throws SQLException {
    PGNotification[] received = pg.getNotifications((int) Math.max(1, timeout.toMillis()));
    if (received == null || received.length == 0) {
      checkAlive();
      return List.of();
    }
    List<String> payloads = new ArrayList<>(received.length);
    for (PGNotification notification : received) {
      payloads.add(notification.getParameter());
    }
    return payloads;
  }

  /**
   * Waiting for notifications only reads the socket, which never notices a connection that a
   * network failure cut silently; a round trip now and then does.
   */
  private void checkAlive() throws SQLException {
    long now = System.nanoTime();
    if (now - lastCheck < CHECK_EVERY.toNanos()) {
      return;
    }
    lastCheck = now;
    if (!connection.isValid((int) CHECK_TIMEOUT.toSeconds())) {
      throw new SQLException("the LISTEN connection stopped answering", "08006");
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.log(Level.DEBUG, "closing the LISTEN connection failed", e);
    }
  }
}
