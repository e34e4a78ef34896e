package io.github.asyncops.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Two nodes on one PostgreSQL in one JVM, asyncops against db-scheduler 16.7.1 in the same run:
 * each system gets two nodes with 4 worker threads each (8 in all), its own connection pools of 8
 * and a fresh schema, and runs the same number of no-op operations, started by 4 client threads
 * spread over both nodes. db-scheduler polls with lock-and-fetch ({@code SELECT ... FOR UPDATE SKIP
 * LOCKED}, 0.5/1.0 of its threads) every 10 ms; asyncops claims on news. Reports operations
 * completed per second and the queued-to-running latency (from the start call to the worker running
 * it, on whichever node), and the ratio of the two throughputs.
 *
 * <p>With a rate, clients offer that many starts per second instead of starting as fast as they
 * can, which measures latency at a fixed load.
 *
 * <p>Each row also gives what the measured run cost per operation: WAL bytes and records ({@code
 * pg_stat_wal}), and the CPU time of this JVM and of PostgreSQL's processes ({@link CostMeter}).
 * The fourth argument {@code fresh} measures the first burst on new tables instead: each system
 * first runs on throw-away tables to warm the JVM, then on new ones, with no warm-up and no {@code
 * ANALYZE} by the harness (the asyncops store's own first {@code ANALYZE} still runs).
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.asyncops.benchmarks.JdbcClusterBench [operations] [starts per second, 0 for as fast as
 * possible] [both|asyncops|db-scheduler] [analyzed|fresh]}; the database comes from the system
 * properties {@code asyncops.jdbc.url}, {@code .user}, {@code .password} (defaults: the local
 * {@code asyncops} database that store-jdbc's {@code start-postgres.sh} prepares).
 */
public final class JdbcClusterBench {
  private static final String URL =
      System.getProperty("asyncops.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/asyncops");
  private static final String USER = System.getProperty("asyncops.jdbc.user", "asyncops");
  private static final String PASSWORD = System.getProperty("asyncops.jdbc.password", "asyncops");

  /** Worker threads per node, as in the comparison: 8 over two nodes. */
  private static final int THREADS = 4;

  /**
   * Operations run before each measurement, so that it sees compiled code and tables in service
   * (the system property {@code asyncops.bench.warmUp} changes it). With 2,000, the compiler
   * threads took 40-48% of the asyncops JVMs' CPU samples in the measured run: it measured the JIT.
   */
  static final int WARM_UP = Integer.getInteger("asyncops.bench.warmUp", 20_000);

  private JdbcClusterBench() {}

  static final CostMeter COSTS = new CostMeter(URL, USER, PASSWORD);

  /** What one run measured. */
  record Result(
      String system,
      int operations,
      double perSecond,
      double p50,
      double p99,
      CostMeter.PerOperation costs) {
    static final String HEADER =
        "system          ops     ops/s  p50 ms   p99 ms  " + CostMeter.PerOperation.HEADER;

    Result withCosts(CostMeter.PerOperation measured) {
      return new Result(system, operations, perSecond, p50, p99, measured);
    }

    String row() {
      return String.format(
          "%-12s %6d  %8.0f  %6.2f  %7.2f  %s",
          system, operations, perSecond, p50, p99, costs == null ? "" : costs.row());
    }

    void print() {
      System.out.println(row());
    }
  }

  /**
   * Timing shared by both systems: when each operation was started and when it ran, paired by id in
   * whichever order the two are heard of, the latencies, and the end.
   */
  private static final class Timing {
    private final Map<String, Long> unpaired = new ConcurrentHashMap<>();
    final long[] latencies;
    final AtomicInteger paired = new AtomicInteger();
    final CountDownLatch finished;

    Timing(int operations) {
      latencies = new long[operations];
      finished = new CountDownLatch(operations);
    }

    void started(String id, long at) {
      pair(id, at, true);
    }

    void running(String id) {
      pair(id, System.nanoTime(), false);
    }

    private void pair(String id, long at, boolean start) {
      Long other = unpaired.putIfAbsent(id, at);
      if (other == null) {
        return;
      }
      unpaired.remove(id);
      int i = paired.getAndIncrement();
      if (i < latencies.length) {
        latencies[i] = start ? other - at : at - other;
      }
    }

    Result result(String system, int operations, double seconds) {
      if (paired.get() == 0) {
        return new Result(system, operations, operations / seconds, 0, 0, null);
      }
      long[] sorted = Arrays.copyOf(latencies, Math.min(paired.get(), latencies.length));
      Arrays.sort(sorted);
      return new Result(
          system,
          operations,
          operations / seconds,
          sorted[sorted.length / 2] / 1e6,
          sorted[(int) (sorted.length * 0.99)] / 1e6,
          null);
    }
  }

  /**
   * Runs both systems and prints the results.
   *
   * @param args the number of operations (default 10,000), the offered rate per second (default 0:
   *     as fast as the clients can start), and which systems to run: {@code both} (the default),
   *     {@code asyncops} or {@code db-scheduler}, to profile one alone
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    int operations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    System.out.printf(
        "%d no-op operations on 2 nodes x %d threads, %s%n",
        operations, THREADS, rate == 0 ? "4 client threads" : rate + " starts/s offered");
    String systems = args.length > 2 ? args[2] : "both";
    if (!List.of("both", "asyncops", "db-scheduler").contains(systems)) {
      throw new IllegalArgumentException(
          "the third argument must be both, asyncops or db-scheduler, not " + systems);
    }
    boolean fresh = args.length > 3 && args[3].equals("fresh");
    if (fresh) {
      // Warm this JVM's code on tables that are then dropped, so that the first burst measures
      // the fresh tables' plans, not the JIT compiler.
      System.out.println("warming up on throw-away tables, then the first burst on fresh ones");
      if (!systems.equals("asyncops")) {
        dbScheduler(WARM_UP, 0, false);
      }
      if (!systems.equals("db-scheduler")) {
        asyncops(WARM_UP, 0, false);
      }
    }
    Result baseline = systems.equals("asyncops") ? null : dbScheduler(operations, rate, !fresh);
    Result ours = systems.equals("db-scheduler") ? null : asyncops(operations, rate, !fresh);
    System.out.println(Result.HEADER);
    if (baseline != null) {
      baseline.print();
    }
    if (ours != null) {
      ours.print();
    }
    if (baseline != null && ours != null) {
      System.out.printf(
          "throughput ratio asyncops / db-scheduler: %.2fx%n",
          ours.perSecond() / baseline.perSecond());
    }
  }

  /**
   * Runs asyncops' two nodes on a fresh schema.
   *
   * @param analyzed whether to warm up on the measured tables and analyze them first; otherwise the
   *     run is the first burst on new tables
   */
  static Result asyncops(int operations, int rate, boolean analyzed) throws Exception {
    String schema = schema();
    AtomicReference<Timing> timing = new AtomicReference<>();
    OperationListener listener =
        new OperationListener() {
          @Override
          public void stateChanged(OperationSnapshot s) {
            if (s.state() == OperationState.RUNNING) {
              timing.get().running(s.id().value());
            } else if (!s.active()) {
              timing.get().finished.countDown();
            }
          }
        };
    List<AutoCloseable> closing = new ArrayList<>();
    try {
      OperationEngine[] nodes = new OperationEngine[2];
      for (int n = 0; n < 2; n++) {
        HikariDataSource pool = pool(schema);
        JdbcOperationStore store = JdbcOperationStore.builder(pool).build();
        OperationEngine engine =
            OperationEngine.builder()
                .discover(false)
                .store(store)
                .nodeId("node-" + n)
                .maxRunning(THREADS)
                .queueCapacity(1_000_000)
                .listener(listener)
                .worker(Engines.provider("noop", Engines::noop, Duration.ofMinutes(10), THREADS))
                .build();
        closing.add(0, pool);
        closing.add(0, store);
        closing.add(0, engine);
        nodes[n] = engine;
      }
      IntConsumer start =
          i -> {
            long t0 = System.nanoTime();
            OperationId id = nodes[i % 2].start(StartRequest.of("noop")).operation().id();
            timing.get().started(id.value(), t0);
          };
      return measure("asyncops", operations, rate, analyzed, start, timing, schema);
    } finally {
      for (AutoCloseable c : closing) {
        c.close();
      }
      sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /** Runs db-scheduler's two nodes on a fresh schema; {@code analyzed} as for asyncops. */
  static Result dbScheduler(int operations, int rate, boolean analyzed) throws Exception {
    String schema = schema();
    sql(
        "CREATE TABLE "
            + schema
            + ".scheduled_tasks (task_name text NOT NULL, task_instance text NOT NULL, task_data"
            + " bytea, execution_time timestamptz NOT NULL, picked boolean NOT NULL, picked_by"
            + " text, last_success timestamptz, last_failure timestamptz, consecutive_failures"
            + " int, last_heartbeat timestamptz, version bigint NOT NULL, priority smallint,"
            + " PRIMARY KEY (task_name, task_instance))");
    sql("CREATE INDEX ON " + schema + ".scheduled_tasks (execution_time)");
    sql("CREATE INDEX ON " + schema + ".scheduled_tasks (last_heartbeat)");
    sql("CREATE INDEX ON " + schema + ".scheduled_tasks (priority DESC, execution_time)");
    AtomicReference<Timing> timing = new AtomicReference<>();
    OneTimeTask<Void> noop =
        Tasks.oneTime("noop")
            .execute(
                (instance, context) -> {
                  timing.get().running(instance.getId());
                  timing.get().finished.countDown();
                });
    List<AutoCloseable> closing = new ArrayList<>();
    try {
      Scheduler[] nodes = new Scheduler[2];
      for (int n = 0; n < 2; n++) {
        HikariDataSource pool = pool(schema);
        Scheduler scheduler =
            Scheduler.create(pool, noop)
                .threads(THREADS)
                .pollUsingLockAndFetch(0.5, 1.0)
                .pollingInterval(Duration.ofMillis(10))
                .schedulerName(new SchedulerName.Fixed("node-" + n))
                .build();
        scheduler.start();
        closing.add(0, pool);
        closing.add(0, scheduler::stop);
        nodes[n] = scheduler;
      }
      IntConsumer start =
          i -> {
            String id = Integer.toString(i);
            timing.get().started(id, System.nanoTime());
            nodes[i % 2].schedule(noop.instance(id), Instant.now());
          };
      return measure("db-scheduler", operations, rate, analyzed, start, timing, schema);
    } finally {
      for (AutoCloseable c : closing) {
        c.close();
      }
      sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /**
   * When {@code analyzed}, warms a system up with {@link #WARM_UP} operations as fast as it takes
   * them, then vacuums and analyzes its tables, as autovacuum keeps a database in service, so that
   * the measured run's plans fit the data and neither system reads the dead rows of the warm-up
   * (db-scheduler deletes every row it runs); then measures, with the WAL and CPU the measured run
   * cost.
   */
  private static Result measure(
      String system,
      int operations,
      int rate,
      boolean analyzed,
      IntConsumer start,
      AtomicReference<Timing> timing,
      String schema)
      throws Exception {
    if (analyzed) {
      Timing warmUp = new Timing(WARM_UP);
      timing.set(warmUp);
      run(system, WARM_UP, 0, i -> start.accept(operations + i), warmUp);
      vacuumAnalyze(system, schema);
    }
    Timing measured = new Timing(operations);
    timing.set(measured);
    CostMeter.Reading before = COSTS.read(0);
    Result result = run(system, operations, rate, start, measured);
    return result.withCosts(CostMeter.perOperation(before, COSTS.read(0), operations));
  }

  /** Vacuums and analyzes the tables a system writes, as autovacuum keeps a database in service. */
  static void vacuumAnalyze(String system, String schema) throws Exception {
    List<String> tables =
        system.equals("asyncops")
            ? List.of("asyncops_operation", "asyncops_queue")
            : List.of("scheduled_tasks");
    for (String table : tables) {
      sql("VACUUM ANALYZE " + schema + "." + table);
    }
  }

  /**
   * Starts {@code operations} with 4 client threads, or at {@code rate} a second; waits for all.
   */
  private static Result run(
      String system, int operations, int rate, IntConsumer start, Timing timing)
      throws InterruptedException {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    try {
      long t0 = System.nanoTime();
      if (rate == 0) {
        for (int i = 0; i < operations; i++) {
          int n = i;
          clients.execute(() -> start.accept(n));
        }
      } else {
        AtomicInteger next = new AtomicInteger();
        long periodNanos = 1_000_000_000L / rate;
        pacer.scheduleAtFixedRate(
            () -> {
              int n = next.getAndIncrement();
              if (n < operations) {
                clients.execute(() -> start.accept(n));
              }
            },
            0,
            periodNanos,
            TimeUnit.NANOSECONDS);
      }
      if (!timing.finished.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException(system + ": operations did not finish within 10 minutes");
      }
      return timing.result(system, operations, (System.nanoTime() - t0) / 1e9);
    } finally {
      pacer.shutdownNow();
      clients.shutdownNow();
    }
  }

  static String schema() throws SQLException {
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
    sql("CREATE SCHEMA " + schema);
    return schema;
  }

  static HikariDataSource pool(String schema) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL + "?currentSchema=" + schema);
    config.setUsername(USER);
    config.setPassword(PASSWORD);
    config.setMaximumPoolSize(8);
    return new HikariDataSource(config);
  }

  static void sql(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
