package io.github.asyncops.core;

import static io.github.asyncops.core.OperationState.FAILED;
import static io.github.asyncops.core.OperationState.QUEUED;
import static io.github.asyncops.core.OperationState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.testing.FlakyStore;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A store that fails for a while, as a database does in an outage: the engine keeps its slots,
 * accepts what it can, and nothing stays running forever.
 */
final class StoreOutageTest {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private final Gate gate = new Gate();
  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final FlakyStore store = new FlakyStore();
  private final OperationEngine engine =
      OperationEngine.builder()
          .discover(false)
          .store(store)
          .clock(clock)
          .scheduler(scheduler)
          .heartbeatInterval(Duration.ofSeconds(5))
          .lease(LEASE)
          .worker(
              TestProvider.of(
                      "job",
                      p ->
                          c -> {
                            gate.pass(c);
                            return OperationResult.none();
                          })
                  .maxConcurrent(1))
          .build();

  @AfterEach
  void close() {
    store.failFinishes = false;
    gate.open(100);
    engine.close();
  }

  private OperationSnapshot awaitState(OperationId id, OperationState state) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.status(id), s -> s.state() == state);
  }

  @Test
  void a_failed_claim_keeps_the_start_and_frees_the_slot_for_the_next_tick() {
    store.failClaims = true;

    StartOutcome outcome = engine.start(StartRequest.of("job"));

    assertThat(outcome.created()).isTrue();
    assertThat(outcome.operation().state()).isEqualTo(QUEUED);
    store.failClaims = false;
    scheduler.tick();
    awaitState(outcome.operation().id(), RUNNING);
  }

  @Test
  void a_failed_finish_frees_the_slot_and_the_lost_operation_fails_after_the_lease()
      throws Exception {
    OperationId first = engine.start(StartRequest.of("job")).operation().id();
    OperationId second = engine.start(StartRequest.of("job")).operation().id();
    gate.awaitArrivals(1);
    store.failFinishes = true;

    gate.open(1);
    gate.awaitArrivals(1);
    assertThat(engine.status(second).state()).isEqualTo(RUNNING);
    assertThat(engine.status(first).state()).isEqualTo(RUNNING);

    store.failFinishes = false;
    scheduler.tick();
    clock.advance(LEASE.plusSeconds(5));
    scheduler.tick();
    assertThat(engine.status(first).state()).isEqualTo(FAILED);
    assertThat(engine.status(first).error()).isEqualTo("the server running the operation was lost");
    assertThat(engine.status(second).state()).isEqualTo(RUNNING);
  }

  @Test
  void a_failed_insert_reaches_the_caller_and_leaves_nothing_behind() {
    store.failInserts = true;

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.start(StartRequest.of("job")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the database is down (insert)");

    assertThat(((Engine) engine).localOperations()).isZero();
    store.failInserts = false;
    assertThat(engine.start(StartRequest.of("job")).created()).isTrue();
  }

  @Test
  void a_failing_eviction_does_not_stop_the_heartbeat_that_carries_remote_stops() throws Exception {
    OperationId id = engine.start(StartRequest.of("job")).operation().id();
    gate.awaitArrivals(1);
    store.failEvictions = true;
    scheduler.tick();

    store.requestStop(id, null, clock.instant());
    clock.advance(Duration.ofSeconds(5));
    scheduler.tick();

    assertThat(awaitState(id, OperationState.STOPPED).stopRequested()).isTrue();
  }
}
