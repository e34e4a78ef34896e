package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.testing.MessageStoreContract;
import io.github.asyncops.testing.OperationStoreContract;
import io.github.asyncops.testing.SharedStoreContract;
import org.junit.jupiter.api.AfterEach;

/**
 * Runs the core store contract, with the shared-store part and the messages' part, against the JDBC
 * store on a fresh in-memory H2 database per test. {@link JdbcOperationStoreTest} covers what the
 * contract leaves out; {@code JdbcOperationStorePostgresIT} runs the same contract on PostgreSQL.
 */
final class JdbcOperationStoreH2Test extends OperationStoreContract
    implements SharedStoreContract, MessageStoreContract {
  private final H2Memory database = new H2Memory();
  private JdbcOperationStore peer;

  @Override
  protected OperationStore newStore() {
    return database.store().build();
  }

  @Override
  public OperationStore peer() {
    if (peer == null) {
      peer = database.store().build();
      peer.register(TYPES);
    }
    return peer;
  }

  @AfterEach
  void closeDatabase() throws Exception {
    if (peer != null) {
      peer.close();
    }
    ((JdbcOperationStore) store).close();
    database.close();
  }
}
