package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.store.InMemoryOperationStore;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two engines ("nodes") sharing one store, as a cluster does through a database: JOIN across nodes,
 * a stop made on one node reaching the worker on the other through the heartbeat, and a lost node's
 * operations failed after the lease. The JDBC store runs the same scenarios across processes.
 */
final class SharedStoreTest {
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final Gate gate = new Gate();
  private final ManualClock clock = new ManualClock();
  private final InMemoryOperationStore store = new InMemoryOperationStore();
  private final ManualScheduler schedulerA = new ManualScheduler();
  private final ManualScheduler schedulerB = new ManualScheduler();
  private final OperationEngine nodeA = node("a", schedulerA);
  private final OperationEngine nodeB = node("b", schedulerB);

  private OperationEngine node(String name, ManualScheduler scheduler) {
    return OperationEngine.builder()
        .discover(false)
        .nodeId(name)
        .store(store)
        .clock(clock)
        .scheduler(scheduler)
        .heartbeatInterval(HEARTBEAT)
        .lease(LEASE)
        .stopGrace(Duration.ofSeconds(1))
        .worker(
            TestProvider.of(
                    "flight",
                    p ->
                        c -> {
                          gate.pass(c);
                          return OperationResult.none();
                        })
                .scope(Scope.GLOBAL))
        .build();
  }

  @AfterEach
  void close() {
    gate.open(100);
    nodeA.close();
    nodeB.close();
  }

  private OperationSnapshot awaitState(OperationEngine node, OperationId id, OperationState s) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(2))
        .until(() -> node.status(id), snapshot -> snapshot.state() == s);
  }

  @Test
  void a_start_on_another_node_joins_the_running_operation() throws Exception {
    OperationId id = nodeA.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);

    StartOutcome joined = nodeB.start(StartRequest.of("flight"));

    assertThat(joined.created()).isFalse();
    assertThat(joined.operation().id()).isEqualTo(id);
    assertThat(nodeB.status(id).state()).isEqualTo(OperationState.RUNNING);
  }

  @Test
  void a_stop_made_on_another_node_reaches_the_worker_at_the_next_heartbeat() throws Exception {
    OperationId id = nodeA.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);

    assertThat(nodeB.stop(id).state()).isEqualTo(OperationState.STOPPING);
    clock.advance(HEARTBEAT);
    schedulerA.tick();

    assertThat(awaitState(nodeB, id, OperationState.STOPPED).stopRequested()).isTrue();
  }

  @Test
  void a_lost_nodes_operations_fail_after_the_lease() throws Exception {
    OperationId id = nodeA.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);
    schedulerA.tick();
    schedulerB.tick();

    clock.advance(LEASE);
    schedulerB.tick();
    assertThat(nodeB.status(id).state()).isEqualTo(OperationState.RUNNING);

    clock.advance(HEARTBEAT);
    schedulerB.tick();
    OperationSnapshot lost = nodeB.status(id);
    assertThat(lost.state()).isEqualTo(OperationState.FAILED);
    assertThat(lost.error()).isEqualTo("the server running the operation was lost");
    assertThat(nodeB.start(StartRequest.of("flight")).created()).isTrue();
    assertThat(List.of(nodeA.status(id).state())).containsExactly(OperationState.FAILED);
  }

  @Test
  void a_watcher_hears_that_an_operation_another_node_forgot_at_once_is_gone() throws Exception {
    OperationId id = nodeA.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);
    List<OperationId> forgotten = new java.util.concurrent.CopyOnWriteArrayList<>();
    nodeB.watch(
        id,
        new OperationListener() {
          @Override
          public void forgotten(OperationId gone) {
            forgotten.add(gone);
          }
        });

    gate.open(1);
    awaitState(nodeA, id, OperationState.SUCCEEDED);
    nodeA.forget(id);
    schedulerB.tick();

    assertThat(forgotten).containsExactly(id);
  }
}
