package io.github.asyncops.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A private in-memory H2 database for one test. It lives while this object holds a connection open,
 * and vanishes on {@link #close()}.
 */
final class H2Memory implements AutoCloseable {
  private final JdbcDataSource dataSource = new JdbcDataSource();
  private final Connection keeper;

  H2Memory() {
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID());
    try {
      keeper = dataSource.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** A store builder on this database with the test codec. */
  JdbcOperationStore.Builder store() {
    return JdbcOperationStore.builder(dataSource).codec(new JacksonCodec());
  }

  @Override
  public void close() throws SQLException {
    keeper.close();
  }
}
