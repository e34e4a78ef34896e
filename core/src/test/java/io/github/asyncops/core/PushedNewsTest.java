package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.testing.PushingStore;
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
 * Two nodes on a store that pushes news ({@link io.github.asyncops.core.spi.StoreListener}): work
 * queued on one node starts on the other without a tick, a stop reaches the running node without a
 * heartbeat, and a watcher on one node follows an operation running on the other.
 */
final class PushedNewsTest {
  private final Gate gate = new Gate();
  private final ManualClock clock = new ManualClock();
  private final PushingStore store = new PushingStore();
  private final ManualScheduler schedulerA = new ManualScheduler();
  private final ManualScheduler schedulerB = new ManualScheduler();
  private final Gate blockerGate = new Gate();
  private final OperationEngine runner = node("runner", schedulerA, false);
  private final OperationEngine front = node("front", schedulerB, true);

  /**
   * A node. The front node has one slot, held by a "blocker" operation that only it knows, so it
   * cannot run flights itself: like a web-only node, it leaves them to the runner.
   */
  private OperationEngine node(String name, ManualScheduler scheduler, boolean isFront) {
    OperationEngine.Builder builder =
        OperationEngine.builder()
            .discover(false)
            .nodeId(name)
            .store(store)
            .clock(clock)
            .scheduler(scheduler)
            .stopGrace(Duration.ofSeconds(1))
            .worker(
                TestProvider.of(
                    "flight",
                    p ->
                        c -> {
                          c.progress(0.5, "half");
                          gate.pass(c);
                          return OperationResult.none();
                        }));
    if (!isFront) {
      return builder.build();
    }
    OperationEngine engine =
        builder
            .maxRunning(1)
            .worker(
                TestProvider.of(
                    "blocker",
                    p ->
                        c -> {
                          blockerGate.pass(c);
                          return OperationResult.none();
                        }))
            .build();
    engine.start(StartRequest.of("blocker"));
    return engine;
  }

  @AfterEach
  void close() {
    gate.open(100);
    blockerGate.open(1);
    runner.close();
    front.close();
  }

  @Test
  void work_queued_on_one_node_starts_on_another_and_its_stop_arrives_without_a_heartbeat()
      throws Exception {
    OperationId id = front.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);
    assertThat(front.status(id).state()).isEqualTo(OperationState.RUNNING);

    front.stop(id);

    OperationSnapshot stopped =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> front.status(id), s -> s.state() == OperationState.STOPPED);
    assertThat(stopped.stopRequested()).isTrue();
  }

  @Test
  void a_watcher_follows_an_operation_running_on_another_node() throws Exception {
    OperationId id = front.start(StartRequest.of("flight")).operation().id();
    List<OperationSnapshot> heard = new CopyOnWriteArrayList<>();
    front.watch(
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

    schedulerA.tick();
    gate.open(1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> heard.stream().anyMatch(s -> s.state() == OperationState.SUCCEEDED));

    assertThat(heard).extracting(OperationSnapshot::text).contains("half");
    assertThat(heard.get(heard.size() - 1).state()).isEqualTo(OperationState.SUCCEEDED);
  }
}
