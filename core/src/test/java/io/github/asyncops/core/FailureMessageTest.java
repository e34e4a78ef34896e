package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.examples.SpokenFlight;
import io.github.asyncops.core.spi.OperationFailedException;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.testing.ManualScheduler;
import java.time.Duration;
import java.util.Locale;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker that fails with an {@link OperationFailedException} ends FAILED with an error that each
 * viewer reads in their own language, stored as its default-language text and its message, and the
 * stack trace for operators; a worker that throws anything else keeps its plain error.
 */
final class FailureMessageTest {
  private static final Locale RU = Locale.forLanguageTag("ru");
  private static final Locale EN = Locale.forLanguageTag("en");
  private static final Message LOST = Message.of("flight.lost").with("percent", 40);

  private OperationEngine engine;

  @AfterEach
  void close() {
    engine.close();
  }

  private OperationSnapshot failedWith(RuntimeException failure) {
    engine =
        OperationEngine.builder()
            .discover(false)
            .locale(RU)
            .scheduler(new ManualScheduler())
            .worker(new Failing(failure))
            .build();
    OperationId id = engine.start(StartRequest.of("flight")).operation().id();
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.status(id), s -> s.state() == OperationState.FAILED);
  }

  @Test
  void a_failure_message_is_the_error_in_each_viewers_language() {
    OperationSnapshot failed =
        failedWith(new OperationFailedException(LOST, new IllegalStateException("no telemetry")));

    assertThat(failed.error()).isEqualTo("Связь потеряна на 40%");
    assertThat(failed.errorMessage()).isEqualTo(LOST);
    assertThat(engine.localize(failed, EN).error()).isEqualTo("Contact lost at 40%");
    assertThat(engine.localize(failed, RU).error()).isEqualTo("Связь потеряна на 40%");
    assertThat(engine.localize(failed.type(), LOST, failed.error(), EN))
        .isEqualTo("Contact lost at 40%");
    OperationRecord record = engine.admin().find(failed.id()).orElseThrow();
    assertThat(record.outcome().error()).isEqualTo("Связь потеряна на 40%");
    assertThat(record.outcome().errorMessage()).isEqualTo(LOST);
    assertThat(record.outcome().cause())
        .contains(OperationFailedException.class.getName())
        .contains("no telemetry");
  }

  @Test
  void a_failure_message_without_a_pattern_shows_its_key() {
    OperationSnapshot failed =
        failedWith(new OperationFailedException(Message.of("flight.unheard.of")));

    assertThat(failed.error()).isEqualTo("flight.unheard.of");
    assertThat(engine.localize(failed, EN).error()).isEqualTo("flight.unheard.of");
  }

  @Test
  void a_plain_exception_keeps_its_plain_error_in_every_language() {
    OperationSnapshot failed = failedWith(new IllegalStateException("disk full"));

    assertThat(failed.error()).isEqualTo("disk full");
    assertThat(failed.errorMessage()).isNull();
    assertThat(engine.localize(failed, EN).error()).isEqualTo("disk full");
    OperationRecord record = engine.admin().find(failed.id()).orElseThrow();
    assertThat(record.outcome().errorMessage()).isNull();
    assertThat(record.outcome().cause()).contains("disk full");
  }

  /** A flight with the {@link SpokenFlight}'s bundles whose run throws what it is given. */
  private static final class Failing implements WorkerProvider<Void> {
    private final RuntimeException failure;

    Failing(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public String name() {
      return "flight";
    }

    @Override
    public String messages() {
      return "io.github.asyncops.core.examples.SpokenFlight";
    }

    @Override
    public Worker create(Void parameters) {
      return context -> {
        throw failure;
      };
    }
  }
}
