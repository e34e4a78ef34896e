package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartOutcome;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two engines in one JVM on one PostgreSQL, each with its own pool and store, as two application
 * nodes behind a load balancer: claim races, JOIN and stop across nodes, work picked up by an idle
 * node through NOTIFY, and a watcher on one node following an operation on the other. Heartbeats
 * are slow here (30 s), so whatever crosses nodes well before one came through NOTIFY: the waits
 * have deadlines generous for a loaded machine yet below the heartbeat, and the latency measured is
 * printed to the test's output, not asserted; speed belongs in the benchmarks. Node loss, which
 * needs separate processes, is in {@code NodeLossPostgresIT}.
 */
final class TwoNodesPostgresIT {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Duration HEARTBEAT = Duration.ofSeconds(30);
  @RegisterExtension static final PostgresDatabase database = new PostgresDatabase();

  private final Gate gate = new Gate();
  private final Gate blockerGate = new Gate();
  private final Map<OperationId, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final Map<OperationId, String> ranOn = new ConcurrentHashMap<>();
  private final List<Node> nodes = new ArrayList<>();

  @BeforeEach
  void emptyTables() throws Exception {
    database.empty();
  }

  @AfterEach
  void closeNodes() {
    gate.open(10_000);
    blockerGate.open(10_000);
    nodes.forEach(Node::close);
  }

  /** A node that runs "work" (counts runs), "flight" (GLOBAL, waits at the gate) and "blocker". */
  private Node node(String name, Consumer<OperationEngine.Builder> settings) {
    Node node =
        new Node(
            name,
            database,
            b -> b,
            b -> {
              b.heartbeatInterval(HEARTBEAT).lease(Duration.ofSeconds(90));
              b.worker(
                  TestProvider.of(
                          "work",
                          p ->
                              c -> {
                                runs.computeIfAbsent(c.id(), id -> new AtomicInteger())
                                    .incrementAndGet();
                                ranOn.put(c.id(), name);
                                return OperationResult.none();
                              })
                      .maxConcurrent(3));
              b.worker(
                  TestProvider.of(
                          "flight",
                          p ->
                              c -> {
                                ranOn.put(c.id(), name);
                                c.progress(0.5, "half");
                                gate.pass(c);
                                return OperationResult.none();
                              })
                      .scope(Scope.GLOBAL));
              b.worker(
                  TestProvider.of(
                      "blocker",
                      p ->
                          c -> {
                            blockerGate.pass(c);
                            return OperationResult.none();
                          }));
              settings.accept(b);
            });
    nodes.add(node);
    return node;
  }

  private Node node(String name) {
    return node(name, b -> {});
  }

  /** A node with one slot, taken by a blocker, so it leaves all other work to the others. */
  private Node fullNode(String name) throws InterruptedException {
    Node node = node(name, b -> b.maxRunning(1));
    node.engine.start(StartRequest.of("blocker"));
    blockerGate.awaitArrivals(1);
    return node;
  }

  private static OperationSnapshot awaitState(
      OperationEngine engine, OperationId id, OperationState state) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(5))
        .until(() -> engine.status(id), s -> s.state() == state);
  }

  @Test
  void operations_started_on_both_nodes_each_run_exactly_once() throws Exception {
    Node a = node("a");
    Node b = node("b");
    int perNode = 60;
    ExecutorService starters = Executors.newFixedThreadPool(2);
    List<OperationId> started = new CopyOnWriteArrayList<>();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Node n : List.of(a, b)) {
        done.add(
            starters.submit(
                () -> {
                  for (int i = 0; i < perNode; i++) {
                    started.add(n.engine.start(StartRequest.of("work")).operation().id());
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      starters.shutdownNow();
    }

    for (OperationId id : started) {
      awaitState(a.engine, id, OperationState.SUCCEEDED);
    }
    assertThat(started).hasSize(2 * perNode).doesNotHaveDuplicates();
    assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(started);
    assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(ranOn.values()).contains("a", "b");
  }

  @Test
  void starts_racing_on_two_nodes_create_one_global_operation_that_both_join() throws Exception {
    Node a = node("a");
    Node b = node("b");
    ExecutorService starters = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        CountDownLatch go = new CountDownLatch(1);
        Future<StartOutcome> onA =
            starters.submit(
                () -> {
                  go.await();
                  return a.engine.start(StartRequest.of("flight"));
                });
        Future<StartOutcome> onB =
            starters.submit(
                () -> {
                  go.await();
                  return b.engine.start(StartRequest.of("flight"));
                });
        go.countDown();
        StartOutcome first = onA.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        StartOutcome second = onB.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(List.of(first.created(), second.created()))
            .containsExactlyInAnyOrder(true, false);
        OperationId id = first.operation().id();
        assertThat(second.operation().id()).isEqualTo(id);
        assertThat(b.engine.list(OperationQuery.of("flight").withActiveOnly(true)))
            .extracting(OperationSnapshot::id)
            .containsExactly(id);
        a.engine.stop(id);
        awaitState(b.engine, id, OperationState.STOPPED);
      }
    } finally {
      starters.shutdownNow();
    }
  }

  @Test
  void a_stop_on_one_node_reaches_the_worker_on_the_other_through_notify() throws Exception {
    Node a = node("a");
    Node b = node("b");
    OperationId id = a.engine.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);
    Node runner = ranOn.get(id).equals("a") ? a : b;
    Node other = runner == a ? b : a;
    long stopAt = System.nanoTime();

    assertThat(other.engine.stop(id).state()).isEqualTo(OperationState.STOPPING);

    // Half a heartbeat: slow enough for a loaded machine, too soon for the runner's next heartbeat
    // (30 s after the claim) to be what told it; so the stop came through NOTIFY.
    Awaitility.await("the runner's worker stops, before its next heartbeat could tell it")
        .atMost(HEARTBEAT.dividedBy(2))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> runner.engine.status(id).state() == OperationState.STOPPED);
    long stopMillis = Duration.ofNanos(System.nanoTime() - stopAt).toMillis();
    System.out.printf("TwoNodesPostgresIT: a stop crossed nodes in %d ms%n", stopMillis);
    assertThat(awaitState(other.engine, id, OperationState.STOPPED).stopRequested())
        .as("stop requested, seen on the stopping node (stop crossed nodes in %d ms)", stopMillis)
        .isTrue();
  }

  @Test
  void work_queued_on_a_busy_node_is_picked_up_by_an_idle_one_through_notify() throws Exception {
    Node busy = fullNode("busy");
    node("idle", b -> b.tickInterval(Duration.ofHours(1)));

    OperationId id = busy.engine.start(StartRequest.of("work")).operation().id();

    awaitState(busy.engine, id, OperationState.SUCCEEDED);
    assertThat(ranOn.get(id)).isEqualTo("idle");
  }

  @Test
  void a_watcher_on_one_node_follows_an_operation_running_on_the_other() throws Exception {
    Node front = fullNode("front");
    node("back");
    List<OperationSnapshot> heard = new CopyOnWriteArrayList<>();
    OperationId id = front.engine.start(StartRequest.of("flight")).operation().id();
    front.engine.watch(
        id,
        new OperationListener() {
          @Override
          public void stateChanged(OperationSnapshot snapshot) {
            heard.add(snapshot);
          }

          @Override
          public void progressed(OperationSnapshot snapshot) {
            heard.add(snapshot);
          }
        });
    gate.awaitArrivals(1);
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> heard.stream().anyMatch(s -> "half".equals(s.text())));

    gate.open(1);

    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> heard.stream().anyMatch(s -> s.state() == OperationState.SUCCEEDED));
    assertThat(ranOn.get(id)).isEqualTo("back");
    assertThat(front.engine.status(id).value()).isEqualTo(1.0);
  }
}
