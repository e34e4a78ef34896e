package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.testing.FlakyStore;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link OperationEngine#health()}: each of its four checks (store, heartbeats, queue, stuck
 * workers) turns the engine unhealthy on its own and healthy again once its cause is gone. How
 * Actuator and the demo show the answer is left to their tests.
 */
final class HealthTest {
  private static final Duration HEARTBEAT = Duration.ofSeconds(5);
  private final Gate gate = new Gate();
  private final Semaphore release = new Semaphore(0);
  private final CountDownLatch leftGate = new CountDownLatch(1);
  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final FlakyStore store = new FlakyStore();
  private final OperationEngine engine =
      OperationEngine.builder()
          .discover(false)
          .store(store)
          .clock(clock)
          .scheduler(scheduler)
          .heartbeatInterval(HEARTBEAT)
          .stopGrace(Duration.ofSeconds(1))
          .queueCapacity(2)
          .worker(
              TestProvider.of(
                      "job",
                      p ->
                          c -> {
                            gate.pass(c);
                            return OperationResult.none();
                          })
                  .maxConcurrent(1))
          .worker(
              TestProvider.of(
                      "stubborn",
                      p ->
                          c -> {
                            gate.passIgnoringStop();
                            leftGate.countDown();
                            release.acquireUninterruptibly();
                            return OperationResult.none();
                          })
                  .timeout(Duration.ofSeconds(10)))
          .build();

  @AfterEach
  void close() {
    gate.open(100);
    release.release(100);
    engine.close();
  }

  private OperationId start(String type) {
    return engine.start(StartRequest.of(type)).operation().id();
  }

  @Test
  void an_idle_engine_after_its_first_heartbeat_is_healthy() {
    scheduler.tick();

    EngineHealth health = engine.health();

    assertThat(health.healthy()).isTrue();
    assertThat(health.storeReachable()).isTrue();
    assertThat(health.storeProblem()).isNull();
    assertThat(health.lastHeartbeat()).isEqualTo(clock.instant());
    assertThat(health.heartbeatsOnTime()).isTrue();
    assertThat(health.queued()).isZero();
    assertThat(health.queueCapacity()).isEqualTo(2);
    assertThat(health.types())
        .containsExactly(
            new EngineHealth.TypeLoad("job", 0, 0), new EngineHealth.TypeLoad("stubborn", 0, 0));
    assertThat(health.stuck()).isEmpty();
  }

  @Test
  void the_queue_is_counted_by_type_and_a_full_queue_is_unhealthy() throws Exception {
    start("job");
    gate.awaitArrivals(1);
    start("job");

    EngineHealth oneQueued = engine.health();
    assertThat(oneQueued.types()).contains(new EngineHealth.TypeLoad("job", 1, 1));
    assertThat(oneQueued.queued()).isEqualTo(1);
    assertThat(oneQueued.healthy()).isTrue();

    start("job");
    EngineHealth full = engine.health();
    assertThat(full.queued()).isEqualTo(2);
    assertThat(full.healthy()).isFalse();
  }

  @Test
  void an_unreachable_store_is_a_detail_of_an_unhealthy_answer_not_an_exception() {
    store.failLists = true;

    EngineHealth down = engine.health();

    assertThat(down.healthy()).isFalse();
    assertThat(down.storeReachable()).isFalse();
    assertThat(down.storeProblem()).isEqualTo("the database is down (list)");
    assertThat(down.types()).isEmpty();
    store.failLists = false;
    assertThat(engine.health().storeReachable()).isTrue();
  }

  @Test
  void heartbeats_missed_for_two_intervals_are_late_until_one_succeeds() throws Exception {
    // A node heartbeats only while it holds operations.
    start("job");
    gate.awaitArrivals(1);
    scheduler.tick();
    store.failHeartbeats = true;
    clock.advance(HEARTBEAT);
    scheduler.tick();

    assertThat(engine.health().heartbeatsOnTime()).isTrue();
    clock.advance(HEARTBEAT.plusMillis(1));
    scheduler.tick();
    EngineHealth late = engine.health();
    assertThat(late.heartbeatsOnTime()).isFalse();
    assertThat(late.healthy()).isFalse();

    store.failHeartbeats = false;
    clock.advance(HEARTBEAT);
    scheduler.tick();
    assertThat(engine.health().heartbeatsOnTime()).isTrue();
    assertThat(engine.health().lastHeartbeat()).isEqualTo(clock.instant());
  }

  @Test
  void a_worker_that_ignores_its_timeout_stop_and_interrupt_is_stuck_until_it_ends()
      throws Exception {
    OperationId id = start("stubborn");
    gate.awaitArrivals(1);
    clock.advance(Duration.ofSeconds(10));
    scheduler.tick();
    gate.open(1);
    // The interrupt at the next tick must find the worker past the gate, in the wait it ignores.
    assertThat(leftGate.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(engine.health().stuck()).isEmpty();
    clock.advance(Duration.ofSeconds(3));
    scheduler.tick();
    EngineHealth stuck = engine.health();
    assertThat(stuck.healthy()).isFalse();
    assertThat(stuck.stuck())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo(id);
              assertThat(s.type()).isEqualTo("stubborn");
              assertThat(s.overdue()).isEqualTo(Duration.ofSeconds(2));
              assertThat(s.thread()).endsWith("[stubborn " + id + "]");
            });

    release.release();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.status(id).state().isFinal());
    assertThat(engine.health().stuck()).isEmpty();
  }
}
