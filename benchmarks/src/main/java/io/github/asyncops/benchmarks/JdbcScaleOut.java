package io.github.asyncops.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.store.jdbc.JdbcOperationStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The scale-out curve: asyncops and db-scheduler 16.7.1 with 1, 2 and 4 nodes, each node a JVM of
 * its own (this jar, started with {@link ProcessBuilder}) with 4 worker threads and a pool of 8
 * connections, on one PostgreSQL. This JVM is the client: 4 threads start no-op operations as fast
 * as they can (or at a given rate) through a client-only asyncops node or a db-scheduler {@code
 * SchedulerClient}, and the nodes report when each operation ran, by {@link System#nanoTime()},
 * which all processes of one Linux machine share. Prints throughput, queued-to-running latency, and
 * WAL and CPU per operation (this JVM's and the nodes' together, and PostgreSQL's). Each system's
 * table is vacuumed and analyzed after the warm-up, as {@link JdbcClusterBench} does, so that both
 * harnesses measure tables in service; {@code JdbcClusterBench ... fresh} measures new tables.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.asyncops.benchmarks.JdbcScaleOut [operations, default 10000] [node counts, default
 * 1,2,4] [starts per second, 0 for as fast as possible] [both|asyncops|db-scheduler]}; the system
 * property {@code asyncops.bench.warmUp} sets the operations run before each measurement (default
 * 20,000).
 */
public final class JdbcScaleOut {
  private static final int THREADS = 4;
  private static final int CLIENTS = 4;

  private JdbcScaleOut() {}

  /**
   * Runs the curve, or, with {@code node} as the first argument, one node.
   *
   * @param args see the class description
   * @throws Exception if the database or a node fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("node")) {
      node(args[1], args[2], args[3]);
      return;
    }
    int operations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int[] counts =
        Arrays.stream((args.length > 1 ? args[1] : "1,2,4").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    String systems = args.length > 3 ? args[3] : "both";
    System.out.printf(
        "%d no-op operations, nodes of %d threads in JVMs of their own, %s%n",
        operations, THREADS, rate == 0 ? CLIENTS + " client threads" : rate + " starts/s offered");
    List<String> rows = new ArrayList<>();
    for (int n : counts) {
      for (String system : List.of("db-scheduler", "asyncops")) {
        if (systems.equals("both") || systems.equals(system)) {
          JdbcClusterBench.Result r = curvePoint(system, n, operations, rate);
          rows.add(String.format("%5d  ", n) + r.row());
        }
      }
    }
    System.out.println("nodes  " + JdbcClusterBench.Result.HEADER);
    rows.forEach(System.out::println);
  }

  /** One system with {@code n} node JVMs on a fresh schema, warmed up, then measured. */
  private static JdbcClusterBench.Result curvePoint(String system, int n, int operations, int rate)
      throws Exception {
    String schema = JdbcClusterBench.schema();
    List<AutoCloseable> closing = new ArrayList<>();
    List<Node> nodes = new ArrayList<>();
    try (HikariDataSource pool = JdbcClusterBench.pool(schema)) {
      IntFunction<String> start;
      if (system.equals("asyncops")) {
        JdbcOperationStore store = JdbcOperationStore.builder(pool).build();
        OperationEngine client =
            OperationEngine.builder()
                .discover(false)
                .store(store)
                .nodeId("client")
                .runsWorkers(false)
                .queueCapacity(1_000_000)
                .worker(Engines.provider("noop", Engines::noop, Duration.ofMinutes(10), THREADS))
                .build();
        closing.add(0, store);
        closing.add(0, client);
        start = i -> client.start(StartRequest.of("noop")).operation().id().value();
      } else {
        createDbSchedulerTable(schema);
        SchedulerClient client = SchedulerClient.Builder.create(pool, noopTask(null)).build();
        start =
            i -> {
              String id = "i" + i;
              client.schedule(noopTask(null).instance(id), Instant.now());
              return id;
            };
      }
      for (int i = 0; i < n; i++) {
        nodes.add(Node.start(system, schema, "node-" + i));
      }
      for (Node node : nodes) {
        node.awaitReady();
      }
      run(start, nodes, JdbcClusterBench.WARM_UP, 0, operations);
      JdbcClusterBench.vacuumAnalyze(system, schema);
      long[] startedAt = new long[operations];
      CostMeter meter = JdbcClusterBench.COSTS;
      CostMeter.Reading before = meter.read(nodesCpu(nodes));
      long t0 = System.nanoTime();
      run(i -> recordStart(start, startedAt, i), nodes, operations, rate, 0);
      double seconds = (System.nanoTime() - t0) / 1e9;
      CostMeter.Reading after = meter.read(nodesCpu(nodes));
      long[] latencies = latencies(nodes, startedAt);
      Arrays.sort(latencies);
      return new JdbcClusterBench.Result(
          system,
          operations,
          operations / seconds,
          latencies[latencies.length / 2] / 1e6,
          latencies[(int) (latencies.length * 0.99)] / 1e6,
          CostMeter.perOperation(before, after, operations));
    } finally {
      for (Node node : nodes) {
        node.process.destroy();
      }
      for (AutoCloseable c : closing) {
        c.close();
      }
      for (Node node : nodes) {
        node.process.waitFor(30, TimeUnit.SECONDS);
      }
      JdbcClusterBench.sql("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static String recordStart(IntFunction<String> start, long[] startedAt, int i) {
    long t = System.nanoTime();
    String id = start.apply(i);
    startedAt[i] = t;
    return id;
  }

  /** Ids started in this phase, by index, so that the nodes' reports can be paired. */
  private static final Map<String, Integer> STARTED = new ConcurrentHashMap<>();

  /**
   * Starts {@code operations} from index {@code first} on, with {@link #CLIENTS} threads or at a
   * rate, and waits until the nodes together report them all done.
   */
  private static void run(
      IntFunction<String> start, List<Node> nodes, int operations, int rate, int first)
      throws InterruptedException {
    STARTED.clear();
    long doneBefore = nodes.stream().mapToLong(node -> node.done.get()).sum();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    AtomicInteger next = new AtomicInteger();
    long periodNanos = rate == 0 ? 0 : 1_000_000_000L / rate;
    long t0 = System.nanoTime();
    for (int c = 0; c < CLIENTS; c++) {
      clients.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
              if (periodNanos > 0) {
                long due = t0 + i * periodNanos;
                for (long wait = due - System.nanoTime();
                    wait > 0;
                    wait = due - System.nanoTime()) {
                  LockSupport.parkNanos(wait);
                }
              }
              STARTED.put(start.apply(first + i), first + i);
            }
          });
    }
    clients.shutdown();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    synchronized (Node.PROGRESS) {
      while (nodes.stream().mapToLong(node -> node.done.get()).sum() - doneBefore < operations) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("operations did not finish within 10 minutes");
        }
        TimeUnit.NANOSECONDS.timedWait(Node.PROGRESS, left);
      }
    }
  }

  /** Pairs each node's running times with the start times; asks each node for them. */
  private static long[] latencies(List<Node> nodes, long[] startedAt) throws Exception {
    List<Long> all = new ArrayList<>();
    for (Node node : nodes) {
      for (Map.Entry<String, Long> ran : node.report().entrySet()) {
        Integer i = STARTED.get(ran.getKey());
        if (i != null && i < startedAt.length) {
          all.add(ran.getValue() - startedAt[i]);
        }
      }
    }
    return all.stream().mapToLong(Long::longValue).toArray();
  }

  private static long nodesCpu(List<Node> nodes) {
    return nodes.stream().mapToLong(node -> CostMeter.processCpuNanos(node.process.pid())).sum();
  }

  private static void createDbSchedulerTable(String schema) throws Exception {
    JdbcClusterBench.sql(
        "CREATE TABLE "
            + schema
            + ".scheduled_tasks (task_name text NOT NULL, task_instance text NOT NULL, task_data"
            + " bytea, execution_time timestamptz NOT NULL, picked boolean NOT NULL, picked_by"
            + " text, last_success timestamptz, last_failure timestamptz, consecutive_failures"
            + " int, last_heartbeat timestamptz, version bigint NOT NULL, priority smallint,"
            + " PRIMARY KEY (task_name, task_instance))");
    JdbcClusterBench.sql("CREATE INDEX ON " + schema + ".scheduled_tasks (execution_time)");
    JdbcClusterBench.sql("CREATE INDEX ON " + schema + ".scheduled_tasks (last_heartbeat)");
    JdbcClusterBench.sql(
        "CREATE INDEX ON " + schema + ".scheduled_tasks (priority DESC, execution_time)");
  }

  /** db-scheduler's no-op task; on a node it reports each run. */
  private static OneTimeTask<Void> noopTask(NodeReport report) {
    return Tasks.oneTime("noop")
        .execute(
            (instance, context) -> {
              if (report != null) {
                report.ran(instance.getId());
              }
            });
  }

  /** A node JVM, as seen from the client: its process and how many operations it finished. */
  private static final class Node {
    /** Notified whenever a node reports a new count of finished operations. */
    static final Object PROGRESS = new Object();

    final Process process;
    final AtomicLong done = new AtomicLong();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CompletableFuture<Map<String, Long>> report = new CompletableFuture<>();

    private Node(Process process) {
      this.process = process;
      Thread reader = new Thread(this::read, "node-" + process.pid());
      reader.setDaemon(true);
      reader.start();
    }

    static Node start(String system, String schema, String name) throws Exception {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
      for (String p :
          List.of("asyncops.jdbc.url", "asyncops.jdbc.user", "asyncops.jdbc.password")) {
        if (System.getProperty(p) != null) {
          command.add("-D" + p + "=" + System.getProperty(p));
        }
      }
      command.addAll(
          List.of(
              "-cp",
              System.getProperty("java.class.path"),
              JdbcScaleOut.class.getName(),
              "node",
              system,
              schema,
              name));
      return new Node(
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    void awaitReady() throws InterruptedException {
      if (!ready.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("a node did not start within 60 s");
      }
    }

    Map<String, Long> report() throws Exception {
      process.getOutputStream().close();
      return report.get(60, TimeUnit.SECONDS);
    }

    private void read() {
      Map<String, Long> ran = new HashMap<>();
      try (BufferedReader in =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.equals("ready")) {
            ready.countDown();
          } else if (line.startsWith("done ")) {
            done.set(Long.parseLong(line.substring(5)));
            synchronized (PROGRESS) {
              PROGRESS.notifyAll();
            }
          } else if (line.startsWith("ran ")) {
            String[] f = line.split(" ");
            ran.put(f[1], Long.parseLong(f[2]));
          }
        }
      } catch (IOException e) {
        report.completeExceptionally(e);
      }
      report.complete(ran);
    }
  }

  /** What a node JVM keeps: when each operation ran, and how many finished. */
  private static final class NodeReport {
    private final Map<String, Long> ran = new ConcurrentHashMap<>();
    private final AtomicLong finished = new AtomicLong();

    void ran(String id) {
      ran.put(id, System.nanoTime());
      finished.incrementAndGet();
    }
  }

  /**
   * One node: runs the system's workers until its standard input closes, printing {@code ready},
   * then its count of finished operations every 5 ms as it changes, and at the end when each
   * operation ran.
   */
  private static void node(String system, String schema, String name) throws Exception {
    NodeReport report = new NodeReport();
    List<AutoCloseable> closing = new ArrayList<>();
    HikariDataSource pool = JdbcClusterBench.pool(schema);
    closing.add(pool);
    if (system.equals("asyncops")) {
      JdbcOperationStore store = JdbcOperationStore.builder(pool).createSchema(false).build();
      OperationListener listener =
          new OperationListener() {
            @Override
            public void stateChanged(OperationSnapshot s) {
              if (s.state() == OperationState.RUNNING) {
                report.ran.put(s.id().value(), System.nanoTime());
              } else if (!s.active()) {
                report.finished.incrementAndGet();
              }
            }
          };
      OperationEngine engine =
          OperationEngine.builder()
              .discover(false)
              .store(store)
              .nodeId(name)
              .maxRunning(THREADS)
              .queueCapacity(1_000_000)
              .listener(listener)
              .worker(Engines.provider("noop", Engines::noop, Duration.ofMinutes(10), THREADS))
              .build();
      closing.add(0, store);
      closing.add(0, engine);
    } else {
      Scheduler scheduler =
          Scheduler.create(pool, noopTask(report))
              .threads(THREADS)
              .pollUsingLockAndFetch(0.5, 1.0)
              .pollingInterval(Duration.ofMillis(10))
              .schedulerName(new SchedulerName.Fixed(name))
              .build();
      scheduler.start();
      closing.add(0, scheduler::stop);
    }
    System.out.println("ready");
    System.out.flush();
    Thread reporter =
        new Thread(
            () -> {
              long last = -1;
              while (!Thread.currentThread().isInterrupted()) {
                long now = report.finished.get();
                if (now != last) {
                  System.out.println("done " + now);
                  System.out.flush();
                  last = now;
                }
                try {
                  // A throttle, not a wait for anything: one line per finish would cost the node
                  // more CPU than the operations it runs.
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    reporter.setDaemon(true);
    reporter.start();
    while (System.in.read() >= 0) {
      // The client closes this node's input when it wants the report.
    }
    reporter.interrupt();
    StringBuilder out = new StringBuilder();
    report.ran.forEach(
        (id, at) -> out.append("ran ").append(id).append(' ').append(at).append('\n'));
    System.out.print(out);
    System.out.flush();
    for (AutoCloseable c : closing) {
      c.close();
    }
  }
}
