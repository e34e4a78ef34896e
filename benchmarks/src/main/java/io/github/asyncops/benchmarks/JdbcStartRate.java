package io.github.asyncops.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.store.jdbc.JdbcOperationStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast starts go as the queue grows: two client-only nodes on one PostgreSQL (they run no
 * workers, so nothing leaves the queue) take starts from 4 client threads as fast as they answer,
 * up to 52,000 queued, and the rate is reported over the 2,000 starts that begin at 0, 10,000 and
 * 50,000 queued. Before measuring, 50,000 starts warm the code up and are deleted again, and the
 * tables are analyzed, as a database in service would have them.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.asyncops.benchmarks.JdbcStartRate}; the database comes from the same system properties
 * as {@link JdbcClusterBench}.
 */
public final class JdbcStartRate {
  private static final String URL =
      System.getProperty("asyncops.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/asyncops");
  private static final String USER = System.getProperty("asyncops.jdbc.user", "asyncops");
  private static final String PASSWORD = System.getProperty("asyncops.jdbc.password", "asyncops");

  private static final int[] DEPTHS = {0, 10_000, 50_000};
  private static final int WINDOW = 2_000;
  private static final int WARM_UP = 50_000;

  private JdbcStartRate() {}

  /**
   * Measures and prints the start rate at each queue depth.
   *
   * @param args none
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
    sql("CREATE SCHEMA " + schema);
    List<AutoCloseable> closing = new ArrayList<>();
    try {
      OperationEngine[] nodes = new OperationEngine[2];
      for (int n = 0; n < 2; n++) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + "?currentSchema=" + schema);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setMaximumPoolSize(8);
        HikariDataSource pool = new HikariDataSource(config);
        JdbcOperationStore store = JdbcOperationStore.builder(pool).build();
        nodes[n] =
            OperationEngine.builder()
                .discover(false)
                .store(store)
                .nodeId("client-" + n)
                .runsWorkers(false)
                .queueCapacity(1_000_000)
                .worker(Engines.provider("noop", Engines::noop, Duration.ofMinutes(10)))
                .build();
        closing.add(0, pool);
        closing.add(0, store);
        closing.add(0, nodes[n]);
      }
      startAll(nodes, WARM_UP);
      sql("DELETE FROM " + schema + ".asyncops_operation");
      sql("ANALYZE " + schema + ".asyncops_operation");

      int last = DEPTHS[DEPTHS.length - 1] + WINDOW;
      long[] answeredAt = startAll(nodes, last);
      double first = 0;
      for (int depth : DEPTHS) {
        double seconds = (answeredAt[depth + WINDOW - 1] - answeredAt[depth]) / 1e9;
        double rate = (WINDOW - 1) / seconds;
        if (depth == 0) {
          first = rate;
        }
        System.out.printf(
            "%6d queued: %6.0f starts/s (%.2fx the rate at 0)%n", depth, rate, rate / first);
      }
    } finally {
      for (AutoCloseable c : closing) {
        c.close();
      }
      sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /** Starts {@code count} operations with 4 client threads; answers when each start returned. */
  private static long[] startAll(OperationEngine[] nodes, int count) throws InterruptedException {
    long[] answeredAt = new long[count];
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      clients.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
              nodes[i % 2].start(StartRequest.of("noop"));
              answeredAt[i] = System.nanoTime();
            }
          });
    }
    clients.shutdown();
    if (!clients.awaitTermination(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("starts did not end within 10 minutes");
    }
    Arrays.sort(answeredAt);
    return answeredAt;
  }

  private static void sql(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
