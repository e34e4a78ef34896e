package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a status says of time while the engine runs a worker: elapsed, the estimate of the time
 * left, stalls and stages, with a manual clock and ticks. The estimator's accuracy on many kinds of
 * runs is {@code ProgressHistoryTest}'s; the wire format is the adapter's.
 */
final class TimeInStatusTest {
  private final LinkedBlockingQueue<WorkerContext> contexts = new LinkedBlockingQueue<>();
  private final CountDownLatch finish = new CountDownLatch(1);
  private final EngineFixture fixture =
      new EngineFixture(
          TestProvider.of(
              "job",
              p ->
                  c -> {
                    contexts.add(c);
                    finish.await();
                    return OperationResult.none();
                  }));
  private final OperationEngine engine = fixture.engine;
  private OperationId id;
  private WorkerContext context;

  @AfterEach
  void close() {
    finish.countDown();
    fixture.close();
  }

  private void started() throws InterruptedException {
    id = engine.start(StartRequest.of("job")).operation().id();
    context = contexts.poll(10, TimeUnit.SECONDS);
    assertThat(context).as("the worker runs").isNotNull();
    fixture.tick();
  }

  /** Lets {@code seconds} pass, one tick a second. */
  private void pass(int seconds) {
    for (int i = 0; i < seconds; i++) {
      fixture.clock.advance(Duration.ofSeconds(1));
      fixture.tick();
    }
  }

  @Test
  void elapsed_counts_from_the_start_and_stops_at_the_end() throws InterruptedException {
    assertThat(engine.types())
        .extracting(OperationType::stallAfter)
        .containsOnly(Duration.ofSeconds(30));
    started();
    pass(7);
    assertThat(engine.status(id).elapsed()).isEqualTo(Duration.ofSeconds(7));

    finish.countDown();
    fixture.awaitState(id, OperationState.SUCCEEDED);
    fixture.clock.advance(Duration.ofMinutes(5));

    OperationSnapshot ended = engine.status(id);
    assertThat(ended.elapsed()).isEqualTo(Duration.ofSeconds(7));
    assertThat(ended.remaining()).isNull();
    assertThat(ended.stalled()).isFalse();
  }

  @Test
  void remaining_appears_with_steady_progress_and_shrinks() throws InterruptedException {
    started();
    assertThat(engine.status(id).remaining()).as("nothing reported yet").isNull();

    for (int second = 1; second <= 10; second++) {
      context.progress(second * 0.02);
      pass(1);
    }
    Duration first = engine.status(id).remaining();
    assertThat(first).isBetween(Duration.ofSeconds(36), Duration.ofSeconds(44));

    for (int second = 11; second <= 20; second++) {
      context.progress(second * 0.02);
      pass(1);
    }
    assertThat(engine.status(id).remaining())
        .isBetween(Duration.ofSeconds(27), Duration.ofSeconds(33))
        .isLessThan(first);
  }

  @Test
  void a_worker_that_reports_only_texts_gets_no_estimate() throws InterruptedException {
    started();
    for (int second = 1; second <= 20; second++) {
      context.progress(0, "row " + second * 1000);
      pass(1);
    }

    OperationSnapshot status = engine.status(id);
    assertThat(status.remaining()).isNull();
    assertThat(status.stalled()).isFalse();
  }

  @Test
  void silence_past_the_threshold_stalls_and_listeners_hear_it() throws InterruptedException {
    started();
    context.progress(0.1);
    pass(1);
    pass(30);
    assertThat(engine.status(id).stalled()).as("30 s since the tick that saw it").isFalse();

    pass(1);

    assertThat(engine.status(id).stalled()).isTrue();
    assertThat(fixture.progressEvents.get(fixture.progressEvents.size() - 1).stalled()).isTrue();

    context.progress(0.2);
    pass(1);

    assertThat(engine.status(id).stalled()).isFalse();
    assertThat(fixture.progressEvents.get(fixture.progressEvents.size() - 1).stalled()).isFalse();
  }

  @Test
  void a_type_sets_its_own_stall_threshold_or_none() throws InterruptedException {
    try (EngineFixture quick =
        new EngineFixture(
            threshold("quick", Duration.ofSeconds(2)), threshold("never", Duration.ZERO))) {
      OperationId fast = quick.engine.start(StartRequest.of("quick")).operation().id();
      OperationId calm = quick.engine.start(StartRequest.of("never")).operation().id();
      quick.until(fast, s -> s.state() == OperationState.RUNNING);
      quick.until(calm, s -> s.state() == OperationState.RUNNING);
      quick.tick();
      for (int i = 0; i < 3; i++) {
        quick.clock.advance(Duration.ofSeconds(1));
        quick.tick();
      }

      assertThat(quick.engine.status(fast).stalled()).isTrue();
      assertThat(quick.engine.status(calm).stalled()).isFalse();
    }
  }

  @Test
  void stages_show_in_the_status_and_time_a_worker_without_values() throws InterruptedException {
    started();
    context.stage(1, 5, "Reading");
    pass(10);
    context.stage(2, 5, "Loading rows");
    pass(1);

    assertThat(engine.status(id).stage()).isEqualTo(new Stage(2, 5, "Loading rows"));
    assertThat(fixture.progressEvents.get(fixture.progressEvents.size() - 1).stage())
        .as("a new stage is news")
        .isEqualTo(new Stage(2, 5, "Loading rows"));

    pass(9);
    context.stage(3, 5, "Indexing");
    pass(10);
    context.stage(4, 5, "Checking");
    pass(1);

    assertThat(engine.status(id).remaining())
        .as("three stages of ten seconds done, two to go")
        .isBetween(Duration.ofSeconds(14), Duration.ofSeconds(22));
  }

  @Test
  void a_stage_out_of_range_is_refused_with_its_numbers() throws InterruptedException {
    started();

    assertThatThrownBy(() -> context.stage(6, 5, "Extra"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stage 6 of 5");
    assertThatThrownBy(() -> context.stage(0, 0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stage 0 of 0");
  }

  @Test
  void a_negative_stall_threshold_is_refused_at_build() {
    assertThatThrownBy(() -> new EngineFixture(threshold("bad", Duration.ofSeconds(-1))).close())
        .hasMessageContaining("stallAfter must not be negative");
  }

  /** A type whose workers wait for the test's end, with a stall threshold. */
  private WorkerProvider<Object> threshold(String name, Duration stallAfter) {
    TestProvider base =
        TestProvider.of(
            name,
            p ->
                c -> {
                  finish.await();
                  return OperationResult.none();
                });
    return new WorkerProvider<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Duration stallAfter() {
        return stallAfter;
      }

      @Override
      public io.github.asyncops.core.spi.Worker create(Object parameters) {
        return base.create(parameters);
      }
    };
  }
}
