package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.testing.AdminQueryContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the operator console's contract (lists with every filter and keyset paging, the summary, the
 * failure's cause) against the JDBC store on the real PostgreSQL, with tables of this class's own
 * prefix, emptied for every case. {@code AdminQueriesH2Test} runs it on H2.
 */
final class AdminQueriesPostgresIT implements AdminQueryContract {
  private static PostgresDatabase database;
  private static JdbcOperationStore store;

  @BeforeAll
  static void open() {
    database = new PostgresDatabase(2);
  }

  @AfterAll
  static void close() throws SQLException {
    if (store != null) {
      store.close();
    }
    database.close();
  }

  @Override
  public OperationStore newAdminStore() {
    if (store != null) {
      store.close();
    }
    store = database.store().build();
    store.register(AdminQueriesH2Test.adminTypes());
    String p = database.prefix;
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      // DELETE, not TRUNCATE: a few dozen rows, hundreds of times.
      s.execute("DELETE FROM " + p + "result");
      s.execute("DELETE FROM " + p + "operation");
      s.execute("DELETE FROM " + p + "forgotten");
      s.execute("UPDATE " + p + "queue SET queued = 0");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return store;
  }
}
