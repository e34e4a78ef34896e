package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.testing.AdminQueryContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the operator console's contract (lists with every filter and keyset paging, the summary, the
 * failure's cause) against the JDBC store on one in-memory H2 database, emptied for every case.
 * {@code AdminQueriesPostgresIT} runs it on PostgreSQL.
 */
final class AdminQueriesH2Test implements AdminQueryContract {
  private static H2Memory database;
  private static JdbcOperationStore store;

  @BeforeAll
  static void open() {
    database = new H2Memory();
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
    store.register(adminTypes());
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM asyncops_result");
      s.execute("DELETE FROM asyncops_operation");
      s.execute("DELETE FROM asyncops_forgotten");
      s.execute("UPDATE asyncops_queue SET queued = 0");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return store;
  }

  /** The types "a", "b" and "c", taking any parameters. */
  static List<OperationType> adminTypes() {
    return List.of(
        OperationType.declare("a", Object.class).build(),
        OperationType.declare("b", Object.class).build(),
        OperationType.declare("c", Object.class).build());
  }
}
