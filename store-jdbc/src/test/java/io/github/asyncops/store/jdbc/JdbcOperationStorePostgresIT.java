package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.testing.MessageStoreContract;
import io.github.asyncops.testing.OperationStoreContract;
import io.github.asyncops.testing.SharedStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the core store contract, with the shared-store part and the messages' part, against the JDBC
 * store on the real PostgreSQL, with tables of this class's own prefix, emptied before each test.
 * {@code TwoNodesPostgresIT} and {@code NodeLossPostgresIT} cover what several nodes do on it.
 */
final class JdbcOperationStorePostgresIT extends OperationStoreContract
    implements SharedStoreContract, MessageStoreContract {
  @RegisterExtension static final PostgresDatabase database = new PostgresDatabase();
  private JdbcOperationStore peer;

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

  @Override
  public OperationStore peer() {
    if (peer == null) {
      peer = database.store().build();
      peer.register(TYPES);
    }
    return peer;
  }

  @AfterEach
  void closeStore() {
    if (peer != null) {
      peer.close();
    }
    ((JdbcOperationStore) store).close();
  }
}
