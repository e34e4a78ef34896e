package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown with the engine's own threads: running operations are asked to stop, stubborn
 * ones are interrupted, queued ones stay queued for another node, and no engine thread outlives
 * {@link OperationEngine#close()}, which says in one INFO line what it stopped, interrupted and
 * abandoned (issue 21); and a caller's executor, which need only be an {@link Executor}, runs the
 * workers and is left running by {@link OperationEngine#close()}. The WARNING lines for single
 * operations are not checked here.
 */
final class ShutdownTest {
  private final Gate gate = new Gate();
  // Held here: JUL keeps loggers weakly, and a collected one would forget the level set below.
  private final Logger coreLog = Logger.getLogger("io.github.asyncops.core");
  private final Level levelBefore = coreLog.getLevel();
  private volatile Thread testThread;
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  // Keeps only what this test's thread logs, where close() runs: other tests' engines may log too.
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (Thread.currentThread() == testThread) {
            logged.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    testThread = Thread.currentThread();
    coreLog.setLevel(Level.INFO);
    coreLog.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    coreLog.removeHandler(capture);
    coreLog.setLevel(levelBefore);
  }

  /** The INFO lines about a close that this test's thread logged. */
  private List<String> closeLinesOfThisThread() {
    return logged.stream()
        .filter(r -> r.getLevel() == Level.INFO)
        .map(LogRecord::getMessage)
        .filter(m -> m.startsWith("asyncops engine closed"))
        .toList();
  }

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
  void close_with_a_stuck_worker_logs_what_it_stopped_interrupted_and_abandoned() throws Exception {
    CountDownLatch stuckArrived = new CountDownLatch(1);
    CountDownLatch releaseStuck = new CountDownLatch(1);
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
                        }))
            .worker(
                TestProvider.of(
                    "deaf",
                    p ->
                        c -> {
                          gate.passIgnoringStop();
                          return OperationResult.none();
                        }))
            .worker(
                TestProvider.of(
                    "stuck",
                    p ->
                        c -> {
                          stuckArrived.countDown();
                          while (true) {
                            try {
                              releaseStuck.await();
                              return OperationResult.none();
                            } catch (InterruptedException ignored) {
                              // A worker that neither stops nor yields to an interrupt.
                            }
                          }
                        }))
            .stopGrace(Duration.ofMillis(500))
            .build();
    OperationId cooperative = engine.start(StartRequest.of("cooperative")).operation().id();
    OperationId deaf = engine.start(StartRequest.of("deaf")).operation().id();
    OperationId stuck = engine.start(StartRequest.of("stuck")).operation().id();
    gate.awaitArrivals(2);
    assertThat(stuckArrived.await(10, TimeUnit.SECONDS)).isTrue();

    try {
      engine.close();
    } finally {
      releaseStuck.countDown();
    }

    assertThat(closeLinesOfThisThread())
        .containsExactly(
            "asyncops engine closed: 1 operation stopped (cooperative "
                + cooperative.value()
                + "), 1 interrupted (deaf "
                + deaf.value()
                + "), 1 abandoned (stuck "
                + stuck.value()
                + ")");
    assertThat(engine.status(stuck).state()).isEqualTo(OperationState.FAILED);
  }

  @Test
  void close_with_nothing_running_logs_that_it_stopped_nothing() {
    OperationEngine engine =
        OperationEngine.builder()
            .discover(false)
            .worker(TestProvider.of("idle", p -> c -> OperationResult.none()))
            .build();

    engine.close();

    assertThat(closeLinesOfThisThread())
        .containsExactly(
            "asyncops engine closed: 0 operations stopped, 0 interrupted, 0 abandoned");
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
