package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown with the engine's own threads: running operations are asked to stop, stubborn
 * ones are interrupted, queued ones stay queued for another node, and no engine thread outlives
 * {@link OperationEngine#close()}; and a caller's executor, which need only be an {@link Executor},
 * runs the workers and is left running by {@link OperationEngine#close()}.
 */
final class ShutdownTest {
  private final Gate gate = new Gate();

  /** The live engine threads that were not there before this test's engine was built. */
  private static Set<Thread> newEngineThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("asyncops-") && t.isAlive())
        .filter(t -> !before.contains(t))
        .collect(Collectors.toSet());
  }

  @Test
  void close_stops_running_operations_keeps_queued_ones_and_leaves_no_thread_behind()
      throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    OperationEngine engine =
        OperationEngine.builder()
            .discover(false)
            .worker(
                TestProvider.of(
                        "cooperative",
                        p ->
                            c -> {
                              gate.pass(c);
                              return OperationResult.none();
                            })
                    .maxConcurrent(1))
            .worker(
                TestProvider.of(
                    "stubborn",
                    p ->
                        c -> {
                          gate.passIgnoringStop();
                          return OperationResult.none();
                        }))
            .stopGrace(Duration.ofMillis(200))
            .build();
    OperationId cooperative = engine.start(StartRequest.of("cooperative")).operation().id();
    OperationId stubborn = engine.start(StartRequest.of("stubborn")).operation().id();
    OperationId queued = engine.start(StartRequest.of("cooperative")).operation().id();
    gate.awaitArrivals(2);
    assertThat(engine.status(queued).state()).isEqualTo(OperationState.QUEUED);
    assertThat(newEngineThreads(before)).isNotEmpty();

    engine.close();

    assertThat(newEngineThreads(before)).isEmpty();
    assertThat(engine.status(cooperative).state()).isEqualTo(OperationState.STOPPED);
    assertThat(engine.status(stubborn).state()).isEqualTo(OperationState.STOPPED);
    assertThat(engine.status(queued).state()).isEqualTo(OperationState.QUEUED);
    assertThatThrownBy(() -> engine.start(StartRequest.of("cooperative")))
        .isInstanceOf(EngineClosedException.class);
    engine.close();
  }

  @Test
  void a_plain_executor_runs_workers_and_close_leaves_the_callers_pool_running() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    AtomicInteger submitted = new AtomicInteger();
    Executor executor =
        task -> {
          submitted.incrementAndGet();
          pool.execute(task);
        };
    try {
      OperationEngine engine =
          OperationEngine.builder()
              .discover(false)
              .executor(executor)
              .worker(
                  TestProvider.of(
                      "gated",
                      p ->
                          c -> {
                            gate.pass(c);
                            return OperationResult.none();
                          }))
              .build();
      OperationId id = engine.start(StartRequest.of("gated")).operation().id();
      gate.awaitArrivals(1);
      assertThat(submitted).hasValue(1);

      gate.open(1);
      engine.close();

      assertThat(engine.status(id).state().isFinal()).isTrue();
      assertThat(pool.isShutdown()).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }
}
