package io.github.asyncops.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.store.InMemoryOperationStore;
import io.github.asyncops.store.jdbc.JdbcOperationStore;
import io.github.asyncops.store.jdbc.ValueCodec;

/**
 * Where the demo keeps operations: memory by default, or a database given by {@code --jdbc-url}
 * (PostgreSQL for several nodes, H2 for one node that survives restarts), through a HikariCP pool.
 */
final class DemoStore implements AutoCloseable {
  final OperationStore store;
  private final AutoCloseable[] resources;

  private DemoStore(OperationStore store, AutoCloseable... resources) {
    this.store = store;
    this.resources = resources;
  }

  static DemoStore from(DemoOptions options) {
    if (options.jdbcUrl() == null) {
      return new DemoStore(new InMemoryOperationStore());
    }
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(options.jdbcUrl());
    hikari.setUsername(options.jdbcUser());
    hikari.setPassword(options.jdbcPassword());
    hikari.setPoolName("asyncops-demo");
    HikariDataSource dataSource = new HikariDataSource(hikari);
    ObjectMapper mapper = new ObjectMapper();
    JdbcOperationStore store =
        JdbcOperationStore.builder(dataSource)
            .codec(
                new ValueCodec() {
                  @Override
                  public String encode(Object value) throws Exception {
                    return mapper.writeValueAsString(value);
                  }

                  @Override
                  public <T> T decode(String text, Class<T> type) throws Exception {
                    return mapper.readValue(text, type);
                  }
                })
            .build();
    return new DemoStore(store, store, dataSource);
  }

  /** Closes the store, then the pool; call after the engine is closed. */
  @Override
  public void close() {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("asyncops demo: could not close " + resource + ": " + e);
      }
    }
  }
}
