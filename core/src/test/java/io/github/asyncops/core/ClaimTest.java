package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.ForwardingOperationStore;
import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.store.InMemoryOperationStore;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the engine claims only with free slots and only on news of queued work, and claims a
 * batch, as many as it has free slots, in one store call; a worker that ends while work is queued
 * finishes and claims its successor in one store call. Counts the store's claim calls; what a claim
 * costs in statements is the JDBC store's test.
 */
final class ClaimTest {
  private final Gate gate = new Gate();
  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<Integer> claims = new CopyOnWriteArrayList<>();
  private final List<String> finishes = new CopyOnWriteArrayList<>();
  private final OperationStore store =
      new ForwardingOperationStore(new InMemoryOperationStore()) {
        @Override
        public List<OperationRecord> claim(ClaimRequest request, Instant now) {
          List<OperationRecord> claimed = super.claim(request, now);
          claims.add(claimed.size());
          return claimed;
        }

        @Override
        public Optional<OperationRecord> finish(
            OperationId id, long epoch, Ending ending, Instant now) {
          finishes.add("finish");
          return super.finish(id, epoch, ending, now);
        }

        @Override
        public Handover finishAndClaim(
            OperationId id, long epoch, Ending ending, ClaimRequest next, Instant now) {
          finishes.add("finish and claim " + next.max());
          Handover handover = delegate().finishAndClaim(id, epoch, ending, next, now);
          claims.add(handover.claimed().size());
          return handover;
        }
      };
  private final OperationEngine engine =
      OperationEngine.builder()
          .discover(false)
          .store(store)
          .clock(clock)
          .scheduler(scheduler)
          .maxRunning(3)
          .worker(
              TestProvider.of(
                  "job",
                  p ->
                      c -> {
                        gate.pass(c);
                        return OperationResult.none();
                      }))
          .build();

  @AfterEach
  void close() {
    gate.open(100);
    engine.close();
  }

  @Test
  void an_idle_engine_claims_nothing_between_heartbeats() {
    scheduler.tick();
    int atStart = claims.size();

    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofMillis(100));
      scheduler.tick();
    }

    assertThat(claims).hasSize(atStart);
  }

  @Test
  void a_full_engine_does_not_claim_and_claims_only_what_frees_up() throws Exception {
    scheduler.tick();
    for (int i = 0; i < 3; i++) {
      engine.start(StartRequest.of("job"));
    }
    gate.awaitArrivals(3);
    claims.clear();

    for (int i = 0; i < 4; i++) {
      engine.start(StartRequest.of("job"));
    }
    scheduler.tick();
    assertThat(claims).isEmpty();

    gate.open(3);
    gate.awaitArrivals(3);
    assertThat(claims.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
  }

  @Test
  void a_worker_that_ends_while_work_is_queued_hands_its_slot_over_in_one_store_call()
      throws Exception {
    scheduler.tick();
    for (int i = 0; i < 3; i++) {
      engine.start(StartRequest.of("job"));
    }
    gate.awaitArrivals(3);
    for (int i = 0; i < 3; i++) {
      engine.start(StartRequest.of("job"));
    }
    claims.clear();

    gate.open(3);
    gate.awaitArrivals(3);

    assertThat(claims).containsExactly(1, 1, 1);
    assertThat(finishes)
        .containsExactly("finish and claim 1", "finish and claim 1", "finish and claim 1");
  }
}
