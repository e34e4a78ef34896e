package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.EngineHealth;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.StoreUnavailableException;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: a real PostgreSQL stopped ({@code pg_ctl stop -m immediate}) and started again under a
 * running node, on a private throwaway cluster ({@link PrivatePostgres}) so the shared one is never
 * disturbed. The pool is HikariCP with its defaults (a 30 s connection timeout); the store's call
 * budget is its default, 1 s. While the database is down every call a request makes answers within
 * {@link #ANSWER_BOUND} (a bound users depend on, with margin, not a benchmark; the latencies are
 * printed): the status and events of the operation this node runs come from memory, everything else
 * throws {@link StoreUnavailableException}, and health is DOWN with the reason. Health is UP again
 * soon after the database is back. The lease story: an outage shorter than {@code lease -
 * heartbeatInterval} leaves the operation running, and it succeeds once; a longer one stops the
 * worker before the lease ends, and the operation fails as lost once the database is back; never a
 * second run. The store logs each outage once when it starts and once when it ends, without a stack
 * trace. With two nodes on the stopped database, the other node answers in time too, a short outage
 * leaves the operation where it ran, and a restartable operation whose lease ran out runs again
 * once the database is back, never while its first run still runs.
 */
final class DatabaseOutagePostgresIT {
  private static final Duration ANSWER_BOUND = Duration.ofSeconds(2);
  private static final Duration HEARTBEAT = Duration.ofSeconds(1);
  private static final Duration LEASE = Duration.ofSeconds(10);

  private final Map<String, Long> slowest = new TreeMap<>();
  private final AtomicInteger runs = new AtomicInteger();
  private final List<String> ranOn = new CopyOnWriteArrayList<>();
  private final List<String> again = new CopyOnWriteArrayList<>();
  private final List<OperationId> sawStop = new CopyOnWriteArrayList<>();
  private final CountDownLatch land = new CountDownLatch(1);
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Logger asyncopsLog = Logger.getLogger("io.github.asyncops");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.INFO.intValue()) {
            logged.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private PrivatePostgres postgres;
  private HikariDataSource pool;
  private JdbcOperationStore store;
  private OperationEngine engine;

  @BeforeEach
  void start() throws Exception {
    asyncopsLog.setLevel(Level.INFO);
    asyncopsLog.addHandler(capture);
    postgres = PrivatePostgres.start();
    pool = postgres.pool("outage-it");
    store = JdbcOperationStore.builder(pool).codec(new JacksonCodec()).build();
    engine = node("node-1", store);
    logged.clear();
  }

  /** A node on a store, running "flight": it reports progress until it lands or is stopped. */
  private OperationEngine node(String name, JdbcOperationStore nodeStore) {
    return OperationEngine.builder()
        .discover(false)
        .nodeId(name)
        .store(nodeStore)
        .heartbeatInterval(HEARTBEAT)
        .lease(LEASE)
        .stopGrace(Duration.ofSeconds(1))
        .worker(
            TestProvider.of(
                "flight",
                p ->
                    c -> {
                      runs.incrementAndGet();
                      ranOn.add(name);
                      for (int step = 0; ; step++) {
                        if (land.await(50, TimeUnit.MILLISECONDS)) {
                          return OperationResult.of("landed");
                        }
                        if (c.stopRequested()) {
                          sawStop.add(c.id());
                          return OperationResult.none();
                        }
                        c.progress((step % 100) / 100.0, "step " + step);
                      }
                    }))
        .worker(
            TestProvider.of(
                    "again",
                    p ->
                        c -> {
                          again.add("start on " + name);
                          try {
                            while (!land.await(50, TimeUnit.MILLISECONDS)) {
                              if (c.stopRequested()) {
                                return OperationResult.none();
                              }
                            }
                            return OperationResult.of("landed");
                          } finally {
                            again.add("end on " + name);
                          }
                        })
                .restartable(true))
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    land.countDown();
    try {
      if (engine != null) {
        engine.close();
      }
      if (store != null) {
        store.close();
      }
      if (pool != null) {
        pool.close();
      }
    } finally {
      asyncopsLog.removeHandler(capture);
      asyncopsLog.setLevel(null);
      if (postgres != null) {
        postgres.close();
      }
    }
    System.out.println("DatabaseOutagePostgresIT slowest answers (ms): " + slowest);
  }

  private OperationId running() {
    OperationId id = engine.start(StartRequest.of("flight")).operation().id();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> engine.status(id).state() == OperationState.RUNNING);
    return id;
  }

  /** Runs one call as a request would, and records how long it took to answer. */
  private <T> T timed(String what, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      long millis = (System.nanoTime() - start) / 1_000_000;
      slowest.merge(what, millis, Math::max);
    }
  }

  /** Asks for everything a page and a load balancer ask for, once, while the database is down. */
  private void requestsDuringTheOutage(OperationId runningHere) {
    Throwable local =
        catchThrowable(
            () ->
                assertThat(
                        timed(
                            "status of the operation running here",
                            () -> engine.status(runningHere).state()))
                    .isEqualTo(OperationState.RUNNING));
    if (local != null) {
      // Only once this node let the operation go, at lease - heartbeat, does its status need the
      // store.
      assertThat(local).isInstanceOf(StoreUnavailableException.class);
      Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sawStop.contains(runningHere));
    }
    assertThat(
            catchThrowable(
                () ->
                    timed(
                        "status of another operation", () -> engine.status(OperationId.random()))))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(catchThrowable(() -> timed("list", () -> engine.list(OperationQuery.of("flight")))))
        .isInstanceOf(StoreUnavailableException.class);
    assertThat(catchThrowable(() -> timed("start", () -> engine.start(StartRequest.of("flight")))))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("the database does not answer");
    EngineHealth health = timed("health", engine::health);
    assertThat(health.healthy()).isFalse();
    assertThat(health.storeProblem()).contains("the database does not answer");
  }

  private void assertAnsweredInTime() {
    assertThat(slowest)
        .allSatisfy(
            (what, millis) ->
                assertThat(millis)
                    .as(what + " answered in ms")
                    .isLessThan(ANSWER_BOUND.toMillis()));
  }

  /** Waits until health is UP again, and answers how long after the database was back. */
  private long awaitHealthy(long backAt) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> timed("health", engine::health).healthy());
    return (System.nanoTime() - backAt) / 1_000_000;
  }

  private List<String> storeLog() {
    return logged.stream()
        .filter(r -> r.getLoggerName().startsWith("io.github.asyncops.store.jdbc"))
        .map(r -> r.getLevel() + " " + r.getMessage())
        .toList();
  }

  @Test
  void a_short_outage_answers_every_request_in_time_and_the_operation_runs_on_and_succeeds_once()
      throws Exception {
    OperationId id = running();
    List<OperationSnapshot> heard = new CopyOnWriteArrayList<>();
    engine.watch(
        id,
        new OperationListener() {
          @Override
          public void progressed(OperationSnapshot snapshot) {
            heard.add(snapshot);
          }
        });

    postgres.down();
    long downAt = System.nanoTime();
    int heardBefore = heard.size();
    while (System.nanoTime() - downAt < TimeUnit.SECONDS.toNanos(3)) {
      requestsDuringTheOutage(id);
    }
    assertThat(heard.size()).as("events from memory").isGreaterThan(heardBefore);
    postgres.up();
    long upAfter = awaitHealthy(System.nanoTime());
    System.out.println(
        "DatabaseOutagePostgresIT: health UP " + upAfter + " ms after the database was back");

    assertAnsweredInTime();
    assertThat(upAfter).as("UP again after the database is back, in ms").isLessThan(10_000);
    land.countDown();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> engine.status(id).state() == OperationState.SUCCEEDED);
    assertThat(engine.result(id)).contains(OperationResult.of("landed"));
    assertThat(runs).hasValue(1);
    assertThat(sawStop).isEmpty();
    assertThat(storeLog())
        .hasSize(2)
        .satisfies(
            lines -> assertThat(lines.get(0)).startsWith("WARNING the database does not answer"))
        .satisfies(lines -> assertThat(lines.get(1)).startsWith("INFO the database answers again"));
    assertThat(logged).allSatisfy(r -> assertThat(r.getThrown()).isNull());
  }

  @Test
  void an_outage_past_the_lease_stops_the_worker_before_the_lease_ends_and_fails_it_once_back()
      throws Exception {
    OperationId id = running();

    postgres.down();
    long downAt = System.nanoTime();
    Duration outage = LEASE.plusSeconds(2);
    while (System.nanoTime() - downAt < outage.toNanos()) {
      if (sawStop.isEmpty()) {
        requestsDuringTheOutage(id);
      } else {
        assertThat(catchThrowable(() -> timed("status after letting go", () -> engine.status(id))))
            .isInstanceOf(StoreUnavailableException.class);
      }
      Thread.onSpinWait();
    }
    assertThat(sawStop).as("the worker saw a stop before the lease ended").containsExactly(id);
    postgres.up();
    long upAfter = awaitHealthy(System.nanoTime());
    System.out.println(
        "DatabaseOutagePostgresIT: health UP " + upAfter + " ms after the database was back");

    assertAnsweredInTime();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> engine.status(id).state() == OperationState.FAILED);
    assertThat(engine.status(id).error()).isEqualTo("the server running the operation was lost");
    assertThat(runs).hasValue(1);
    assertThat(logged)
        .filteredOn(r -> r.getLevel() == java.util.logging.Level.WARNING)
        .extracting(LogRecord::getMessage)
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).startsWith("the database does not answer"))
        .anySatisfy(m -> assertThat(m).contains("its lease could not be renewed"));
    assertThat(logged).allSatisfy(r -> assertThat(r.getThrown()).isNull());
  }

  @Test
  void two_nodes_answer_in_time_and_the_operation_runs_on_where_it_ran_once() throws Exception {
    OperationId id = running();
    try (HikariDataSource otherPool = postgres.pool("outage-it-2");
        JdbcOperationStore otherStore =
            JdbcOperationStore.builder(otherPool).codec(new JacksonCodec()).build()) {
      OperationEngine other = node("node-2", otherStore);
      try {
        assertThat(other.status(id).node()).isEqualTo("node-1");

        postgres.down();
        long downAt = System.nanoTime();
        while (System.nanoTime() - downAt < TimeUnit.SECONDS.toNanos(3)) {
          requestsDuringTheOutage(id);
          assertThat(
                  catchThrowable(() -> timed("status on the other node", () -> other.status(id))))
              .isInstanceOf(StoreUnavailableException.class);
          EngineHealth health = timed("health of the other node", other::health);
          assertThat(health.healthy()).isFalse();
        }
        postgres.up();
        long backAt = System.nanoTime();
        awaitHealthy(backAt);
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> timed("health of the other node", other::health).healthy());
        System.out.println(
            "DatabaseOutagePostgresIT: both nodes UP "
                + (System.nanoTime() - backAt) / 1_000_000
                + " ms after the database was back");

        assertAnsweredInTime();
        assertThat(other.status(id).state()).isEqualTo(OperationState.RUNNING);
        land.countDown();
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> other.status(id).state() == OperationState.SUCCEEDED);
        assertThat(ranOn).containsExactly("node-1");
        assertThat(sawStop).isEmpty();
      } finally {
        other.close();
      }
    }
  }

  @Test
  void two_nodes_past_the_lease_run_a_restartable_operation_again_never_at_the_same_time()
      throws Exception {
    OperationId id = engine.start(StartRequest.of("again")).operation().id();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> engine.status(id).state() == OperationState.RUNNING);
    try (HikariDataSource otherPool = postgres.pool("outage-it-2");
        JdbcOperationStore otherStore =
            JdbcOperationStore.builder(otherPool).codec(new JacksonCodec()).build()) {
      OperationEngine other = node("node-2", otherStore);
      try {
        postgres.down();
        long downAt = System.nanoTime();
        while (System.nanoTime() - downAt < LEASE.plusSeconds(2).toNanos()) {
          assertThat(
                  catchThrowable(() -> timed("status on the other node", () -> other.status(id))))
              .isInstanceOf(StoreUnavailableException.class);
          assertThat(timed("health of the other node", other::health).healthy()).isFalse();
        }
        assertThat(again)
            .as("stopped before the lease ended")
            .containsExactly("start on node-1", "end on node-1");
        postgres.up();

        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> again.size() == 3 && other.status(id).state() == OperationState.RUNNING);
        land.countDown();
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> other.status(id).state() == OperationState.SUCCEEDED);
        assertAnsweredInTime();
        assertThat(again).hasSize(4);
        assertThat(again.subList(0, 2)).containsExactly("start on node-1", "end on node-1");
        assertThat(again.get(2)).startsWith("start on ");
        assertThat(again.get(3)).isEqualTo(again.get(2).replace("start", "end"));
      } finally {
        other.close();
      }
    }
  }
}
