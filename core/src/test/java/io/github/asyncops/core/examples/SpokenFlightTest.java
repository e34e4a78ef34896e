package io.github.asyncops.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.spi.OperationFailedException;
import io.github.asyncops.testing.Gate;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's message example, {@link SpokenFlight}: its progress message and the failure it
 * throws when contact is lost read in Russian (the engine's default) and in English.
 */
final class SpokenFlightTest {
  private static final Locale RU = Locale.forLanguageTag("ru");
  private static final Locale EN = Locale.forLanguageTag("en");

  private final Gate gate = new Gate();
  private final OperationEngine engine =
      OperationEngine.builder().discover(false).locale(RU).worker(new SpokenFlight(gate)).build();

  @AfterEach
  void close() {
    gate.open(100);
    engine.close();
  }

  private OperationSnapshot await(OperationId id, Predicate<OperationSnapshot> condition) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.status(id), condition);
  }

  @Test
  void the_progress_message_reads_in_each_language() throws Exception {
    OperationId id = engine.start(StartRequest.of("spoken-flight")).operation().id();
    gate.awaitArrivals(1);
    gate.open(1);
    gate.awaitArrivals(1);

    OperationSnapshot flying = await(id, s -> s.value() == 0.4);

    assertThat(flying.message()).isEqualTo(Message.of("flight.progress").with("percent", 40));
    assertThat(engine.localize(flying, RU).text()).isEqualTo("Полет завершен на 40%");
    assertThat(engine.localize(flying, EN).text()).isEqualTo("Flight 40% complete");
  }

  @Test
  void a_lost_flight_fails_with_an_error_in_each_language_and_keeps_its_cause() throws Exception {
    OperationId id =
        engine
            .start(StartRequest.of("spoken-flight").withParameters(new SpokenFlight.Course(true)))
            .operation()
            .id();
    gate.awaitArrivals(1);
    gate.open(1);

    OperationSnapshot failed = await(id, s -> s.state() == OperationState.FAILED);

    assertThat(failed.errorMessage()).isEqualTo(Message.of("flight.lost").with("percent", 40));
    assertThat(failed.error()).isEqualTo("Связь потеряна на 40%");
    assertThat(engine.localize(failed, EN).error()).isEqualTo("Contact lost at 40%");
    assertThat(engine.admin().find(id).orElseThrow().outcome().cause())
        .startsWith(OperationFailedException.class.getName() + ": flight.lost")
        .contains("IllegalStateException: no telemetry");
  }
}
