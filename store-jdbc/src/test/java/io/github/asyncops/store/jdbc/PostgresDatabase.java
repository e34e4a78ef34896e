package io.github.asyncops.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL the integration tests share, as {@code src/test/scripts/start-postgres.sh}
 * prepares it; the system properties {@code asyncops.jdbc.url}, {@code asyncops.jdbc.user} and
 * {@code asyncops.jdbc.password} point elsewhere. Each instance has its own table prefix, so test
 * classes never see each other's rows, and drops its tables on {@link #close()}. As a JUnit
 * extension in a static field it does so after the class's last test.
 */
final class PostgresDatabase implements AutoCloseable, AfterAllCallback {
  static final String URL =
      System.getProperty("asyncops.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/asyncops");
  static final String USER = System.getProperty("asyncops.jdbc.user", "asyncops");
  static final String PASSWORD = System.getProperty("asyncops.jdbc.password", "asyncops");

  /** The tables' prefix, unique to this instance. */
  final String prefix =
      "it_"
          + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT)
          + "_";

  private final HikariDataSource pool;

  PostgresDatabase() {
    this(8);
  }

  PostgresDatabase(int poolSize) {
    pool = pool(poolSize);
  }

  static HikariDataSource pool(int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL);
    config.setUsername(USER);
    config.setPassword(PASSWORD);
    config.setMaximumPoolSize(size);
    config.setPoolName("asyncops-it");
    return new HikariDataSource(config);
  }

  HikariDataSource dataSource() {
    return pool;
  }

  /** A store builder on these tables with the test codec. */
  JdbcOperationStore.Builder store() {
    return store(pool);
  }

  /** A store builder for these tables on another pool, as another node has. */
  JdbcOperationStore.Builder store(HikariDataSource nodePool) {
    return JdbcOperationStore.builder(nodePool).tablePrefix(prefix).codec(new JacksonCodec());
  }

  /** Creates the tables if they are missing and empties them. */
  void empty() throws SQLException {
    store().build().close();
    truncate();
  }

  /** Empties the tables, if they exist. */
  void truncate() throws SQLException {
    execute("TRUNCATE " + prefix + "operation, " + prefix + "result, " + prefix + "forgotten");
    execute("UPDATE " + prefix + "queue SET queued = 0");
  }

  /** Runs one statement on these tables' pool. */
  void execute(String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    close();
  }

  @Override
  public void close() throws SQLException {
    try {
      for (String table : List.of("result", "operation", "forgotten", "queue", "lock")) {
        execute("DROP TABLE IF EXISTS " + prefix + table);
      }
    } finally {
      pool.close();
    }
  }
}
