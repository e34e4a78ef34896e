package io.github.asyncops.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.store.jdbc.JdbcOperationStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two nodes (engines with their own pools and stores) on one PostgreSQL in one JVM: starts no-op
 * operations from four client threads spread over both nodes and reports operations claimed and
 * completed per second, and the queued-to-running latency (from the QUEUED event on the starting
 * node to the RUNNING event on whichever node claimed it). A fresh schema per run, dropped after.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.asyncops.benchmarks.JdbcClusterBench [operations]}; the database comes from the system
 * properties {@code asyncops.jdbc.url}, {@code .user}, {@code .password} (defaults: the local
 * {@code asyncops} database that store-jdbc's {@code start-postgres.sh} prepares).
 */
public final class JdbcClusterBench {
  private static final String URL =
      System.getProperty("asyncops.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/asyncops");
  private static final String USER = System.getProperty("asyncops.jdbc.user", "asyncops");
  private static final String PASSWORD = System.getProperty("asyncops.jdbc.password", "asyncops");

  private JdbcClusterBench() {}

  /**
   * Runs the measurement and prints the result.
   *
   * @param args the number of operations (default 5,000)
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    int operations = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
    sql("CREATE SCHEMA " + schema);
    Map<OperationId, Long> queuedAt = new ConcurrentHashMap<>();
    long[] latencies = new long[operations];
    AtomicInteger running = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(operations);
    OperationListener timing =
        new OperationListener() {
          @Override
          public void stateChanged(OperationSnapshot s) {
            if (s.state() == OperationState.QUEUED) {
              queuedAt.put(s.id(), System.nanoTime());
            } else if (s.state() == OperationState.RUNNING) {
              Long t0 = queuedAt.remove(s.id());
              int i = running.getAndIncrement();
              if (t0 != null && i < latencies.length) {
                latencies[i] = System.nanoTime() - t0;
              }
            } else if (!s.active()) {
              finished.countDown();
            }
          }
        };
    Node a = new Node(schema, "node-a", timing);
    Node b = new Node(schema, "node-b", timing);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      long start = System.nanoTime();
      for (int i = 0; i < operations; i++) {
        OperationEngine engine = (i % 2 == 0 ? a : b).engine;
        clients.execute(() -> engine.start(StartRequest.of("noop")));
      }
      if (!finished.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("operations did not finish within 5 minutes");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] sorted = Arrays.copyOf(latencies, Math.min(running.get(), operations));
      Arrays.sort(sorted);
      System.out.printf(
          "operations: %d on 2 nodes, 4 client threads%n"
              + "claimed and completed: %.0f/s%n"
              + "queued to running p50: %.2f ms%n"
              + "queued to running p99: %.2f ms%n",
          operations,
          operations / seconds,
          sorted[sorted.length / 2] / 1e6,
          sorted[(int) (sorted.length * 0.99)] / 1e6);
    } finally {
      clients.shutdownNow();
      a.close();
      b.close();
      sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void sql(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }

  /** One node: a pool, a store and an engine running the no-op type. */
  private static final class Node implements AutoCloseable {
    final OperationEngine engine;
    private final JdbcOperationStore store;
    private final HikariDataSource pool;

    Node(String schema, String name, OperationListener listener) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(URL + "?currentSchema=" + schema);
      config.setUsername(USER);
      config.setPassword(PASSWORD);
      config.setMaximumPoolSize(8);
      pool = new HikariDataSource(config);
      store = JdbcOperationStore.builder(pool).build();
      engine =
          OperationEngine.builder()
              .discover(false)
              .store(store)
              .nodeId(name)
              .maxRunning(Engines.THREADS)
              .queueCapacity(1_000_000)
              .listener(listener)
              .worker(Engines.provider("noop", Engines::noop, Duration.ofMinutes(10)))
              .build();
    }

    @Override
    public void close() {
      engine.close();
      store.close();
      pool.close();
    }
  }
}
