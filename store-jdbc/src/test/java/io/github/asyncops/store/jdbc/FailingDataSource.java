package io.github.asyncops.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that passes through to another until {@link #fail(boolean)} turns it off; then
 * every {@code getConnection} fails as a pool does when the database is unreachable (SQLState
 * {@code 08001}). With {@link #hang()} it keeps callers waiting instead, as a pool does while it
 * waits out its connection timeout, until {@link #release()}. Counts the connections asked for, and
 * keeps those handed out. A fake, not a mock: it stands for a network cut or a crashed database.
 */
final class FailingDataSource implements DataSource {
  private final DataSource delegate;
  private volatile boolean failing;
  private volatile CountDownLatch hanging;

  /** How many connections were asked for. */
  final AtomicInteger asked = new AtomicInteger();

  /** The connections handed out, in order. */
  final List<Connection> handedOut = new CopyOnWriteArrayList<>();

  FailingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  void fail(boolean on) {
    failing = on;
  }

  /** Keeps every caller of {@code getConnection} waiting until {@link #release()}. */
  void hang() {
    hanging = new CountDownLatch(1);
  }

  /** Lets the waiting callers have their connections. */
  void release() {
    CountDownLatch latch = hanging;
    hanging = null;
    if (latch != null) {
      latch.countDown();
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    asked.incrementAndGet();
    CountDownLatch latch = hanging;
    if (latch != null) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted", e);
      }
    }
    if (failing) {
      throw new SQLTransientConnectionException("the database is unreachable", "08001");
    }
    Connection connection = delegate.getConnection();
    handedOut.add(connection);
    return connection;
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return false;
  }
}
