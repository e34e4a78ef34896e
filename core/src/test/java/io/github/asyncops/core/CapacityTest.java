package io.github.asyncops.core;

import static io.github.asyncops.core.OperationState.QUEUED;
import static io.github.asyncops.core.OperationState.RUNNING;
import static io.github.asyncops.core.OperationState.STOPPED;
import static io.github.asyncops.core.OperationState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The per-type concurrency limit, the engine-wide running limit, and the bounded queue. */
final class CapacityTest {
  private final Gate gate = new Gate();
  private final EngineFixture fixture =
      new EngineFixture(
          b -> b.maxRunning(3).queueCapacity(2),
          gated("single").maxConcurrent(1),
          gated("wide").maxConcurrent(10),
          TestProvider.of(
                  "polite",
                  p ->
                      new Worker() {
                        @Override
                        public OperationResult run(WorkerContext context)
                            throws InterruptedException {
                          gate.pass(context);
                          return OperationResult.none();
                        }

                        @Override
                        public String stop() {
                          return "called off";
                        }
                      })
              .maxConcurrent(1));
  private final OperationEngine engine = fixture.engine;

  private TestProvider gated(String name) {
    return TestProvider.of(
        name,
        p ->
            c -> {
              gate.pass(c);
              return OperationResult.none();
            });
  }

  @AfterEach
  void close() {
    gate.open(100);
    fixture.close();
  }

  private OperationId start(String type) {
    return engine.start(StartRequest.of(type)).operation().id();
  }

  @Test
  void a_type_runs_at_most_its_limit_and_queues_the_rest_in_order() throws Exception {
    OperationId first = start("single");
    OperationId second = start("single");
    gate.awaitArrivals(1);

    assertThat(engine.status(first).state()).isEqualTo(RUNNING);
    assertThat(engine.status(second).state()).isEqualTo(QUEUED);

    gate.open(1);
    fixture.awaitState(first, SUCCEEDED);
    fixture.awaitState(second, RUNNING);
  }

  @Test
  void the_engine_runs_at_most_max_running_across_types() throws Exception {
    OperationId[] ids = {start("wide"), start("wide"), start("wide"), start("wide")};
    gate.awaitArrivals(3);

    assertThat(engine.status(ids[3]).state()).isEqualTo(QUEUED);
    gate.open(1);
    gate.awaitArrivals(1);
    assertThat(engine.list(OperationQuery.of("wide").withActiveOnly(true))).hasSize(3);
  }

  @Test
  void a_start_beyond_the_queue_fails_with_a_retry_delay_and_loses_nothing() throws Exception {
    start("single");
    OperationId queued1 = start("single");
    OperationId queued2 = start("single");

    assertThatThrownBy(() -> start("single"))
        .isInstanceOfSatisfying(
            CapacityExceededException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)))
        .hasMessageContaining("all 2 queue places are taken");
    assertThat(engine.status(queued1).state()).isEqualTo(QUEUED);
    assertThat(engine.status(queued2).state()).isEqualTo(QUEUED);
  }

  @Test
  void stopping_a_queued_operation_frees_its_queue_place_at_once() {
    start("single");
    OperationId queued = start("single");
    start("single");

    assertThat(engine.stop(queued).state()).isEqualTo(STOPPED);

    assertThat(engine.start(StartRequest.of("single")).created()).isTrue();
  }

  @Test
  void a_queued_operation_stopped_ends_at_once_without_a_worker_told_once() {
    OperationId running = start("polite");
    OperationId queued = start("polite");

    OperationSnapshot stopped = engine.stop(queued);

    assertThat(stopped.state()).isEqualTo(STOPPED);
    assertThat(stopped.text()).isNull();
    assertThat(engine.status(queued).text()).isNull();
    assertThat(fixture.statesOf(queued)).containsExactly(QUEUED, STOPPED);
    assertThat(engine.stop(running).text()).isEqualTo("called off");
  }
}
