package io.github.asyncops.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that passes through to another until {@link #fail(boolean)} turns it off; then
 * every {@code getConnection} fails as a pool does when the database is unreachable (SQLState
 * {@code 08001}). A fake, not a mock: it stands for a network cut or a crashed database.
 */
final class FailingDataSource implements DataSource {
  private final DataSource delegate;
  private volatile boolean failing;

  FailingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  void fail(boolean on) {
    failing = on;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (failing) {
      throw new SQLTransientConnectionException("the database is unreachable", "08001");
    }
    return delegate.getConnection();
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
