package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.TestProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * {@code OperationEngine.builder().virtualThreads()} on both kinds of runtime: before Java 21 it
 * fails at once and says why; from Java 21 on, a worker runs on a virtual thread. Each test runs
 * only on the runtimes it is about, so a build on Java 17 checks the first and one on Java 25 the
 * second. How virtual threads compare with the pool under many blocking workers is measured in
 * {@code benchmarks}, not here.
 */
final class VirtualThreadsTest {

  @Test
  @EnabledForJreRange(max = JRE.JAVA_20)
  void before_java_21_virtual_threads_fail_naming_the_runtime() {
    OperationEngine.Builder builder = OperationEngine.builder();

    assertThatThrownBy(builder::virtualThreads)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith(
            "virtual threads need Java 21 or later, this is Java " + Runtime.version().feature());
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void from_java_21_a_worker_runs_on_a_virtual_thread() throws Exception {
    CompletableFuture<Thread> workerThread = new CompletableFuture<>();
    CompletableFuture<String> workerName = new CompletableFuture<>();
    TestProvider provider =
        TestProvider.of(
            "where",
            p ->
                context -> {
                  workerThread.complete(Thread.currentThread());
                  workerName.complete(Thread.currentThread().getName());
                  return OperationResult.none();
                });
    try (EngineFixture fixture = new EngineFixture(b -> b.virtualThreads(), provider)) {
      OperationId id = fixture.engine.start(StartRequest.of("where")).operation().id();

      Thread thread = workerThread.get(EngineFixture.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      fixture.awaitState(id, OperationState.SUCCEEDED);
      assertThat(isVirtual(thread)).isTrue();
      assertThat(workerName.get()).isEqualTo(ThreadLabel.VIRTUAL + " [where " + id + "]");
    }
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21)
  void a_later_executor_replaces_virtual_threads() throws Exception {
    CompletableFuture<Thread> workerThread = new CompletableFuture<>();
    TestProvider provider =
        TestProvider.of(
            "where",
            p ->
                context -> {
                  workerThread.complete(Thread.currentThread());
                  return OperationResult.none();
                });
    try (EngineFixture fixture =
        new EngineFixture(b -> b.virtualThreads().executor(Runnable::run), provider)) {
      fixture.engine.start(StartRequest.of("where"));

      Thread thread = workerThread.get(EngineFixture.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(isVirtual(thread)).isFalse();
    }
  }

  /** {@code Thread.isVirtual()}, which the Java 17 API these tests compile against lacks. */
  private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
    return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
  }
}
