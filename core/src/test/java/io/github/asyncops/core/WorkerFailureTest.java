package io.github.asyncops.core;

import static io.github.asyncops.core.OperationState.FAILED;
import static io.github.asyncops.core.OperationState.STOPPED;
import static io.github.asyncops.core.OperationState.STOPPING;
import static io.github.asyncops.core.OperationState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Workers that do not behave: they throw, ignore a stop, overrun their timeout, finish after a stop
 * came, or fail in {@code start} or {@code ping}. The stop grace is 1 second (see {@link
 * EngineFixture}).
 */
final class WorkerFailureTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final Gate gate = new Gate();
  private EngineFixture fixture;

  @AfterEach
  void close() {
    gate.open(100);
    fixture.close();
  }

  private OperationId start(Function<Object, Worker> factory) {
    fixture = new EngineFixture(TestProvider.of("job", factory).timeout(TIMEOUT));
    return fixture.engine.start(StartRequest.of("job")).operation().id();
  }

  @Test
  void a_worker_that_throws_ends_failed_with_its_message() {
    OperationId id =
        start(
            p ->
                c -> {
                  throw new IllegalStateException("disk full");
                });

    OperationSnapshot failed = fixture.awaitState(id, FAILED);

    assertThat(failed.error()).isEqualTo("disk full");
    assertThat(failed.resultAvailable()).isFalse();
  }

  @Test
  void a_worker_that_throws_an_error_ends_failed() {
    OperationId id =
        start(
            p ->
                c -> {
                  throw new java.io.IOError(new java.io.IOException("disk gone"));
                });

    assertThat(fixture.awaitState(id, FAILED).error()).isEqualTo("java.io.IOException: disk gone");
  }

  @Test
  void a_failure_without_a_message_names_its_kind_but_shows_no_stack_trace() {
    OperationId id =
        start(
            p ->
                c -> {
                  throw new NullPointerException();
                });

    assertThat(fixture.awaitState(id, FAILED).error())
        .isEqualTo("the operation failed (NullPointerException)")
        .doesNotContain("at ");
  }

  @Test
  void a_worker_that_ignores_stop_is_interrupted_after_the_grace_period() throws Exception {
    OperationId id =
        start(
            p ->
                c -> {
                  gate.passIgnoringStop();
                  return OperationResult.none();
                });
    gate.awaitArrivals(1);

    fixture.engine.stop(id);
    fixture.clock.advance(Duration.ofMillis(999));
    fixture.tick();
    assertThat(fixture.engine.status(id).state()).isEqualTo(STOPPING);

    fixture.clock.advance(Duration.ofMillis(1));
    fixture.tick();
    OperationSnapshot stopped = fixture.awaitState(id, STOPPED);
    assertThat(stopped.error()).isNull();
  }

  @Test
  void a_run_past_its_timeout_is_stopped_and_ends_failed_timed_out() throws Exception {
    OperationId id =
        start(
            p ->
                c -> {
                  gate.pass(c);
                  return OperationResult.none();
                });
    gate.awaitArrivals(1);

    fixture.clock.advance(TIMEOUT.minusMillis(1));
    fixture.tick();
    assertThat(fixture.engine.status(id).stopRequested()).isFalse();
    fixture.clock.advance(Duration.ofMillis(1));
    fixture.tick();

    OperationSnapshot failed = fixture.awaitState(id, FAILED);
    assertThat(failed.error()).isEqualTo("timed out");
    assertThat(failed.stopRequested()).isTrue();
  }

  @Test
  void a_run_past_its_timeout_that_ignores_the_stop_is_interrupted_and_ends_timed_out()
      throws Exception {
    OperationId id =
        start(
            p ->
                c -> {
                  gate.passIgnoringStop();
                  return OperationResult.none();
                });
    gate.awaitArrivals(1);

    fixture.clock.advance(TIMEOUT);
    fixture.tick();
    fixture.clock.advance(Duration.ofSeconds(1));
    fixture.tick();

    assertThat(fixture.awaitState(id, FAILED).error()).isEqualTo("timed out");
  }

  @Test
  void a_worker_that_finishes_after_a_stop_request_ends_succeeded_and_says_the_stop_came_late()
      throws Exception {
    OperationId id =
        start(
            p ->
                c -> {
                  gate.passIgnoringStop();
                  return OperationResult.of("report.pdf");
                });
    gate.awaitArrivals(1);

    assertThat(fixture.engine.stop(id).state()).isEqualTo(STOPPING);
    gate.open(1);

    OperationSnapshot done = fixture.awaitState(id, SUCCEEDED);
    assertThat(done.stopRequested()).isTrue();
    assertThat(done.resultAvailable()).isTrue();
    assertThat(fixture.engine.result(id)).contains(OperationResult.of("report.pdf"));
  }

  @Test
  void the_store_has_a_stop_request_before_the_worker_hears_of_it() throws Exception {
    AtomicReference<OperationId> self = new AtomicReference<>();
    AtomicBoolean storedFirst = new AtomicBoolean();
    OperationId id =
        start(
            p ->
                new Worker() {
                  @Override
                  public OperationResult run(WorkerContext context) throws InterruptedException {
                    gate.pass(context);
                    return OperationResult.none();
                  }

                  @Override
                  public String stop() {
                    storedFirst.set(fixture.engine.status(self.get()).stopRequested());
                    return "aborted";
                  }
                });
    self.set(id);
    gate.awaitArrivals(1);

    fixture.engine.stop(id);

    OperationSnapshot stopped = fixture.awaitState(id, STOPPED);
    assertThat(storedFirst).isTrue();
    assertThat(stopped.stopRequested()).isTrue();
    assertThat(stopped.text()).isEqualTo("aborted");
  }

  @Test
  void a_worker_whose_start_throws_ends_failed_without_running() {
    OperationId id =
        start(
            p ->
                new Worker() {
                  @Override
                  public String start() {
                    throw new IllegalArgumentException("no such account");
                  }

                  @Override
                  public OperationResult run(WorkerContext context) {
                    throw new AssertionError("must not run");
                  }
                });

    OperationSnapshot failed = fixture.until(id, s -> s.state().isFinal());
    assertThat(failed.state()).isEqualTo(FAILED);
    assertThat(failed.error()).isEqualTo("no such account");
  }

  @Test
  void a_ping_that_throws_shows_the_last_report() throws Exception {
    OperationId id =
        start(
            p ->
                new Worker() {
                  @Override
                  public OperationResult run(WorkerContext context) throws InterruptedException {
                    context.progress(0.5, "halfway");
                    gate.pass(context);
                    return OperationResult.none();
                  }

                  @Override
                  public io.github.asyncops.core.Progress ping(
                      io.github.asyncops.core.Progress reported) {
                    throw new IllegalStateException("ping broke");
                  }
                });
    gate.awaitArrivals(1);

    OperationSnapshot running = fixture.engine.status(id);
    assertThat(running.value()).isEqualTo(0.5);
    assertThat(running.text()).isEqualTo("halfway");
  }

  @Test
  void the_stop_text_stays_when_stop_wakes_the_worker_and_it_ends_at_once() throws Exception {
    java.util.concurrent.CountDownLatch wake = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch returned = new java.util.concurrent.CountDownLatch(1);
    OperationId id =
        start(
            p ->
                new Worker() {
                  @Override
                  public String start() {
                    return "launched";
                  }

                  @Override
                  public OperationResult run(WorkerContext context) throws InterruptedException {
                    gate.passIgnoringStop();
                    wake.await();
                    context.stopRequested();
                    returned.countDown();
                    return OperationResult.none();
                  }

                  @Override
                  public String stop() {
                    wake.countDown();
                    try {
                      returned.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return "cancelled";
                  }
                });
    gate.open(1);
    gate.awaitArrivals(1);

    fixture.engine.stop(id);

    assertThat(fixture.awaitState(id, STOPPED).text()).isEqualTo("cancelled");
  }
}
