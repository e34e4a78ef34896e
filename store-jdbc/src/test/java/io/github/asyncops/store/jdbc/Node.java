package io.github.asyncops.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.OperationEngine;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One node of a test cluster on the shared PostgreSQL: its own connection pool, JDBC store and
 * engine, as a separate application instance has. Closing it closes all three, engine first.
 */
final class Node implements AutoCloseable {
  final String name;
  final OperationEngine engine;
  final JdbcOperationStore store;
  private final HikariDataSource pool;

  /**
   * Starts a node.
   *
   * @param name the node id
   * @param database the shared database
   * @param storeSettings changes to the store builder
   * @param engineSettings changes to the engine builder, which has the store, the node id, no
   *     discovery and a 1-second stop grace
   */
  Node(
      String name,
      PostgresDatabase database,
      UnaryOperator<JdbcOperationStore.Builder> storeSettings,
      Consumer<OperationEngine.Builder> engineSettings) {
    this.name = name;
    this.pool = PostgresDatabase.pool(4);
    this.store = storeSettings.apply(database.store(pool)).build();
    OperationEngine.Builder builder =
        OperationEngine.builder()
            .discover(false)
            .nodeId(name)
            .store(store)
            .stopGrace(Duration.ofSeconds(1));
    engineSettings.accept(builder);
    this.engine = builder.build();
  }

  @Override
  public void close() {
    try {
      engine.close();
    } finally {
      store.close();
      pool.close();
    }
  }
}
