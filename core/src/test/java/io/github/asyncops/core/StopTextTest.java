package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.spi.ForwardingOperationStore;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.store.InMemoryOperationStore;
import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.TestProvider;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A stop answers with the worker's stop text, also when the worker ends at once on the stop and its
 * operation is final before the engine stores that text (the adapter's StopTest failed now and then
 * on this race).
 */
final class StopTextTest {
  private static final String STOP_TEXT = "Полет отменен";

  /** Holds the stop text's write until the operation has ended, as a quick worker can make it. */
  private static final class LateStopText extends ForwardingOperationStore {
    LateStopText() {
      super(new InMemoryOperationStore());
    }

    @Override
    public Optional<OperationRecord> progress(
        OperationId id, long epoch, Progress progress, Instant now) {
      if (STOP_TEXT.equals(progress.text())) {
        Awaitility.await()
            .atMost(EngineFixture.PATIENCE)
            .until(() -> delegate().find(id).map(r -> r.state().isFinal()).orElse(true));
      }
      return super.progress(id, epoch, progress, now);
    }
  }

  @Test
  void a_stop_answers_with_the_stop_text_when_the_worker_ended_before_it_was_stored() {
    CountDownLatch stopSignal = new CountDownLatch(1);
    Worker quick =
        new Worker() {
          @Override
          public OperationResult run(WorkerContext context) throws InterruptedException {
            stopSignal.await();
            context.stopRequested();
            return OperationResult.none();
          }

          @Override
          public String stop() {
            stopSignal.countDown();
            return STOP_TEXT;
          }
        };
    LateStopText store = new LateStopText();
    try (EngineFixture fixture =
        new EngineFixture(b -> b.store(store), TestProvider.of("quick", p -> quick))) {
      OperationId id = fixture.engine.start(StartRequest.of("quick")).operation().id();
      fixture.awaitState(id, OperationState.RUNNING);

      OperationSnapshot answer = fixture.engine.stop(id);

      assertThat(answer.stopRequested()).isTrue();
      assertThat(answer.text()).isEqualTo(STOP_TEXT);
      assertThat(fixture.awaitState(id, OperationState.STOPPED).text()).isEqualTo(STOP_TEXT);
    }
  }
}
