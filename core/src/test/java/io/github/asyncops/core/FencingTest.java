package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.store.InMemoryOperationStore;
import io.github.asyncops.core.testing.FlakyStore;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: a node that lost an operation (it paused past its lease, or could not reach the store)
 * stops its worker and never writes over the state of the node that took over. Two engines share an
 * in-memory store and a manual clock, so "pausing" a node means not ticking it. The JDBC store's
 * fencing across processes is covered by {@code FencingPostgresIT}.
 */
final class FencingTest {
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration GRACE = Duration.ofSeconds(2);

  private final Gate gate = new Gate();
  private final ManualClock clock = new ManualClock();
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<OperationEngine> engines = new CopyOnWriteArrayList<>();
  private volatile boolean ignoreStop;

  private OperationEngine node(String name, OperationStore store, ManualScheduler scheduler) {
    OperationEngine engine =
        OperationEngine.builder()
            .discover(false)
            .nodeId(name)
            .store(store)
            .clock(clock)
            .scheduler(scheduler)
            .heartbeatInterval(HEARTBEAT)
            .lease(LEASE)
            .stopGrace(GRACE)
            .worker(
                TestProvider.of(
                        "flight",
                        p ->
                            c -> {
                              events.add(name + " runs " + c.id());
                              try {
                                if (ignoreStop) {
                                  gate.passIgnoringStop();
                                } else if (!gate.pass(c)) {
                                  events.add(name + " saw the stop of " + c.id());
                                }
                              } catch (InterruptedException e) {
                                events.add(name + " was interrupted in " + c.id());
                                throw e;
                              }
                              return OperationResult.none();
                            })
                    .scope(Scope.GLOBAL))
            .build();
    engines.add(engine);
    return engine;
  }

  @AfterEach
  void close() {
    gate.open(100);
    engines.forEach(OperationEngine::close);
  }

  @Test
  void a_node_that_paused_past_its_lease_stops_its_worker_and_never_overwrites_the_new_owner()
      throws Exception {
    InMemoryOperationStore store = new InMemoryOperationStore();
    ManualScheduler schedulerA = new ManualScheduler();
    ManualScheduler schedulerB = new ManualScheduler();
    OperationEngine nodeA = node("a", store, schedulerA);
    OperationEngine nodeB = node("b", store, schedulerB);
    OperationId first = nodeA.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);
    schedulerA.tick();

    clock.advance(LEASE.plus(HEARTBEAT));
    schedulerB.tick();
    OperationId second = nodeB.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);
    schedulerA.tick();

    awaitEvent("a saw the stop of " + first);
    Awaitility.await().until(() -> ((Engine) nodeA).localOperations() == 0);
    OperationSnapshot lost = nodeB.status(first);
    assertThat(lost.state()).isEqualTo(OperationState.FAILED);
    assertThat(lost.error()).isEqualTo(Housekeeping.NODE_LOST);
    assertThat(nodeA.status(second).state()).isEqualTo(OperationState.RUNNING);
    assertThat(events)
        .containsExactly("a runs " + first, "b runs " + second, "a saw the stop of " + first);
  }

  @Test
  void a_worker_that_ignores_the_stop_is_interrupted_after_the_stop_grace() throws Exception {
    ignoreStop = true;
    InMemoryOperationStore store = new InMemoryOperationStore();
    ManualScheduler schedulerA = new ManualScheduler();
    ManualScheduler schedulerB = new ManualScheduler();
    OperationEngine nodeA = node("a", store, schedulerA);
    node("b", store, schedulerB);
    OperationId id = nodeA.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);
    schedulerA.tick();
    clock.advance(LEASE.plus(HEARTBEAT));
    schedulerB.tick();

    schedulerA.tick();
    assertThat(events).doesNotContain("a was interrupted in " + id);
    clock.advance(GRACE);
    schedulerA.tick();

    awaitEvent("a was interrupted in " + id);
    assertThat(nodeA.status(id).error()).isEqualTo(Housekeeping.NODE_LOST);
  }

  @Test
  void a_node_that_cannot_renew_its_lease_stops_its_worker_before_others_may_take_over()
      throws Exception {
    FlakyStore store = new FlakyStore();
    ManualScheduler scheduler = new ManualScheduler();
    OperationEngine node = node("a", store, scheduler);
    OperationId id = node.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);
    scheduler.tick();
    store.failHeartbeats = true;

    clock.advance(LEASE.minus(HEARTBEAT).minusSeconds(1));
    scheduler.tick();
    assertThat(events).containsExactly("a runs " + id);
    clock.advance(Duration.ofSeconds(1));
    scheduler.tick();

    awaitEvent("a saw the stop of " + id);
    Awaitility.await().until(() -> ((Engine) node).localOperations() == 0);
    assertThat(node.status(id).state()).isEqualTo(OperationState.RUNNING);
  }

  private void awaitEvent(String event) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> events.contains(event));
  }
}
