package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.store.InMemoryOperationStore;
import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Endless load must not mean endless memory: after many operations finish and their retention
 * passes, the engine and its store hold nothing of them but bounded tombstones, which expire too.
 */
final class BoundedMemoryTest {
  private static final int OPERATIONS = 10_000;
  private static final Duration RETENTION = Duration.ofMinutes(1);

  @Test
  void ten_thousand_finished_operations_leave_nothing_behind_after_retention() throws Exception {
    CountDownLatch finished = new CountDownLatch(OPERATIONS);
    try (EngineFixture fixture =
        new EngineFixture(
            b ->
                b.queueCapacity(OPERATIONS)
                    .listener(
                        new OperationListener() {
                          @Override
                          public void stateChanged(OperationSnapshot snapshot) {
                            if (!snapshot.active()) {
                              finished.countDown();
                            }
                          }
                        }),
            TestProvider.of("noop", p -> c -> OperationResult.of("done"))
                .maxConcurrent(8)
                .retention(RETENTION))) {
      for (int i = 0; i < OPERATIONS; i++) {
        fixture.engine.start(StartRequest.of("noop"));
      }
      assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
      InMemoryOperationStore store = fixture.store;
      assertThat(store.size()).isEqualTo(OPERATIONS);

      fixture.clock.advance(RETENTION);
      fixture.tick();
      assertThat(store.size()).isZero();
      assertThat(store.tombstones()).isEqualTo(OPERATIONS);

      fixture.clock.advance(InMemoryOperationStore.DEFAULT_TOMBSTONE_TTL);
      fixture.tick();
      assertThat(store.tombstones()).isZero();
      fixture.stateChanges.clear();
      fixture.tick();
      assertThat(fixture.stateChanges).isEmpty();
    }
  }
}
