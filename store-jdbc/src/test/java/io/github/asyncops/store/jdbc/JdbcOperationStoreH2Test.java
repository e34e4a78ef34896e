package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.testing.OperationStoreContract;
import org.junit.jupiter.api.AfterEach;

/**
 * Runs the core store contract against the JDBC store on a fresh in-memory H2 database per test.
 * {@link JdbcOperationStoreTest} covers what the contract leaves out; {@code
 * JdbcOperationStorePostgresIT} runs the same contract on PostgreSQL.
 */
final class JdbcOperationStoreH2Test extends OperationStoreContract {
  private final H2Memory database = new H2Memory();

  @Override
  protected OperationStore newStore() {
    return database.store().build();
  }

  @AfterEach
  void closeDatabase() throws Exception {
    ((JdbcOperationStore) store).close();
    database.close();
  }
}
