package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.testing.OperationStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the core store contract against the JDBC store on the real PostgreSQL, with tables of this
 * class's own prefix, emptied before each test. {@code TwoNodesPostgresIT} and {@code
 * NodeLossPostgresIT} cover what several nodes do on it.
 */
final class JdbcOperationStorePostgresIT extends OperationStoreContract {
  @RegisterExtension static final PostgresDatabase database = new PostgresDatabase();

  @Override
  protected OperationStore newStore() {
    JdbcOperationStore created = database.store().build();
    try {
      database.truncate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return created;
  }

  @AfterEach
  void closeStore() {
    ((JdbcOperationStore) store).close();
  }
}
