package io.github.asyncops.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.CapacityExceededException;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every meter of {@link AsyncOpsMetrics}, read from a {@link SimpleMeterRegistry} after a real
 * engine did the work. The Prometheus rendering is left to the demo's and the starter's tests.
 */
final class AsyncOpsMetricsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AsyncOpsMetrics metrics = new AsyncOpsMetrics(registry);
  private final Gate gate = new Gate();
  private final ManualClock clock = new ManualClock();
  private final OutageStore outage = new OutageStore();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final OperationEngine engine =
      OperationEngine.builder()
          .discover(false)
          .clock(clock)
          .scheduler(scheduler)
          .store(metrics.monitor(outage.store()))
          .listener(metrics)
          .queueCapacity(1)
          .worker(
              TestProvider.of(
                      "job",
                      p ->
                          c -> {
                            if (!gate.pass(c)) {
                              return OperationResult.none();
                            }
                            if ("fail".equals(p)) {
                              throw new IllegalStateException("broken");
                            }
                            return OperationResult.none();
                          })
                  .maxConcurrent(1))
          .worker(TestProvider.of("idle", p -> c -> OperationResult.none()))
          .build();

  {
    metrics.bind(engine);
  }

  @AfterEach
  void close() {
    gate.open(100);
    engine.close();
  }

  private OperationId start(Object parameters) {
    return engine.start(StartRequest.of("job").withParameters(parameters)).operation().id();
  }

  private void awaitState(OperationId id, OperationState state) {
    Awaitility.await().atMost(PATIENCE).until(() -> engine.status(id).state() == state);
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }

  @Test
  void starts_ends_waits_and_runs_are_counted_and_timed_by_type_and_final_state() throws Exception {
    OperationId first = start("fail");
    gate.awaitArrivals(1);
    OperationId second = start("ok");
    clock.advance(Duration.ofSeconds(3));
    gate.open(1);
    awaitState(first, OperationState.FAILED);
    gate.awaitArrivals(1);
    clock.advance(Duration.ofSeconds(2));
    gate.open(1);
    awaitState(second, OperationState.SUCCEEDED);

    assertThat(counter("asyncops.operations.started", "type", "job")).isEqualTo(2);
    assertThat(counter("asyncops.operations.ended", "type", "job", "state", "failed")).isEqualTo(1);
    assertThat(counter("asyncops.operations.ended", "type", "job", "state", "succeeded"))
        .isEqualTo(1);
    var wait = registry.get("asyncops.operations.wait").tags("type", "job").timer();
    assertThat(wait.count()).isEqualTo(2);
    assertThat(wait.max(TimeUnit.SECONDS)).isEqualTo(3);
    var run =
        registry.get("asyncops.operations.run").tags("type", "job", "state", "succeeded").timer();
    assertThat(run.count()).isEqualTo(1);
    assertThat(run.totalTime(TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(
            registry
                .get("asyncops.operations.run")
                .tags("state", "failed")
                .timer()
                .totalTime(TimeUnit.SECONDS))
        .isEqualTo(3);
  }

  /** Issue 21: under load the demo logged "Timer measurements cannot be negative". */
  @Test
  void timers_clock_stepped_back_between_reads_record_zero() throws Exception {
    OperationId first = start("ok");
    gate.awaitArrivals(1);
    OperationId second = start("ok");
    // The second is created at the first's start time; the clock then steps back, so the first
    // ends, and the second is claimed, 2 ms before either was stamped.
    clock.advance(Duration.ofMillis(-2));
    gate.open(1);
    awaitState(first, OperationState.SUCCEEDED);
    gate.awaitArrivals(1);
    gate.open(1);
    awaitState(second, OperationState.SUCCEEDED);

    assertThat(engine.status(second).startedAt()).isBefore(engine.status(second).createdAt());
    var wait = registry.get("asyncops.operations.wait").tags("type", "job").timer();
    assertThat(wait.count()).isEqualTo(2);
    assertThat(wait.max(TimeUnit.NANOSECONDS)).isZero();
    var run =
        registry.get("asyncops.operations.run").tags("type", "job", "state", "succeeded").timer();
    assertThat(run.count()).isEqualTo(2);
    assertThat(run.max(TimeUnit.NANOSECONDS)).isZero();
    assertThat(counter("asyncops.operations.ended", "type", "job", "state", "succeeded"))
        .isEqualTo(2);
  }

  @Test
  void gauges_show_running_and_queued_operations_by_type_and_the_capacity() throws Exception {
    OperationId running = start("ok");
    gate.awaitArrivals(1);
    start("ok");

    assertThat(registry.get("asyncops.operations.running").tags("type", "job").gauge().value())
        .isEqualTo(1);
    assertThat(registry.get("asyncops.operations.queued").tags("type", "job").gauge().value())
        .isEqualTo(1);
    assertThat(registry.get("asyncops.operations.queued").tags("type", "idle").gauge().value())
        .isZero();
    assertThat(registry.get("asyncops.queue.capacity").gauge().value()).isEqualTo(1);

    gate.open(2);
    awaitState(running, OperationState.SUCCEEDED);
    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () ->
                registry.get("asyncops.operations.running").tags("type", "job").gauge().value()
                        + registry
                            .get("asyncops.operations.queued")
                            .tags("type", "job")
                            .gauge()
                            .value()
                    == 0);
  }

  @Test
  void a_start_refused_for_a_full_queue_counts_as_a_capacity_rejection() throws Exception {
    start("ok");
    gate.awaitArrivals(1);
    start("ok");

    assertThatThrownBy(() -> start("ok")).isInstanceOf(CapacityExceededException.class);
    assertThat(counter("asyncops.operations.rejected", "type", "job", "reason", "capacity"))
        .isEqualTo(1);
    assertThat(counter("asyncops.operations.started", "type", "job")).isEqualTo(2);
  }

  @Test
  void store_calls_that_throw_are_counted_by_call_and_the_failure_reaches_the_caller() {
    outage.fail("insert");

    assertThatThrownBy(() -> start("ok")).hasMessage("the database is down (insert)");
    assertThat(counter("asyncops.store.errors", "call", "insert")).isEqualTo(1);
    assertThat(registry.find("asyncops.operations.started").counter()).isNull();
  }

  @Test
  void the_gauges_are_not_a_number_while_the_store_cannot_be_read() {
    outage.fail("list");

    assertThat(registry.get("asyncops.operations.queued").tags("type", "job").gauge().value())
        .isNaN();
    assertThat(counter("asyncops.store.errors", "call", "list")).isPositive();
  }

  @Test
  void a_failing_store_method_with_a_default_body_is_counted_too() {
    outage.fail("tick");

    scheduler.tick();

    assertThat(counter("asyncops.store.errors", "call", "tick")).isEqualTo(1);
  }
}
