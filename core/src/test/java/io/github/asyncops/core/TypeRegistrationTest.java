package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.core.testing.EchoProvider;
import io.github.asyncops.core.testing.PushingStore;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What an engine tells its store about the types it runs ({@code OperationStore.register}), and the
 * {@code restartable()} declaration that a shared store reads from it. What the JDBC store does
 * with the types is tested in store-jdbc.
 */
final class TypeRegistrationTest {
  private final PushingStore store = new PushingStore();
  private final ManualScheduler scheduler = new ManualScheduler();

  private OperationEngine engine(WorkerProvider<?>... providers) {
    OperationEngine.Builder builder =
        OperationEngine.builder().discover(false).store(store).scheduler(scheduler);
    for (WorkerProvider<?> provider : providers) {
      builder.worker(provider);
    }
    return builder.build();
  }

  @Test
  void start_registers_every_type_with_the_store_once_before_listening() {
    try (OperationEngine engine =
        engine(
            TestProvider.of("flight", p -> c -> OperationResult.none()).restartable(true),
            new EchoProvider())) {
      OperationId id = engine.start(StartRequest.of("echo").withParameters("hi")).operation().id();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> engine.status(id).state() == OperationState.SUCCEEDED);
      scheduler.tick();

      assertThat(store.startCalls).containsExactly("register", "listen");
      assertThat(store.registrations)
          .singleElement()
          .satisfies(
              types -> {
                assertThat(types)
                    .extracting(
                        OperationType::name,
                        OperationType::parameterType,
                        OperationType::restartable)
                    .containsExactly(
                        tuple("echo", String.class, false), tuple("flight", Object.class, true));
                assertThat(types).isEqualTo(engine.types());
              });
    }
  }

  @Test
  void close_stops_listening_to_a_store_that_outlives_the_engine() {
    OperationEngine engine = engine();
    assertThat(store.listeners()).isEqualTo(1);

    engine.close();

    assertThat(store.listeners()).isZero();
  }

  @Test
  void an_engine_without_types_registers_an_empty_list() {
    try (OperationEngine engine = engine()) {
      assertThat(engine.types()).isEmpty();
      assertThat(store.registrations).singleElement().satisfies(t -> assertThat(t).isEmpty());
    }
  }

  @Test
  void restartable_defaults_to_false_and_is_carried_into_the_type() {
    WorkerProvider<Void> plain =
        new WorkerProvider<>() {
          @Override
          public String name() {
            return "plain";
          }

          @Override
          public Worker create(Void parameters) {
            return c -> OperationResult.none();
          }
        };
    try (OperationEngine engine =
        engine(
            plain, TestProvider.of("again", p -> c -> OperationResult.none()).restartable(true))) {
      assertThat(plain.restartable()).isFalse();
      assertThat(engine.type("plain").orElseThrow().restartable()).isFalse();
      assertThat(engine.type("again").orElseThrow().restartable()).isTrue();
    }
  }
}
