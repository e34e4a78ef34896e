package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The log context without an MDC: while a worker runs, its thread's name carries the operation's
 * type and id, so any logging library that prints thread names ties lines to the operation; the
 * thread gets its own name back once it runs no more operations.
 */
final class LogContextTest {
  private final Gate gate = new Gate();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final List<String> names = new CopyOnWriteArrayList<>();

  @Test
  void each_operation_names_its_thread_and_the_thread_gets_its_name_back_afterwards()
      throws Exception {
    try (EngineFixture fixture =
        new EngineFixture(
            TestProvider.of(
                    "report",
                    p ->
                        c -> {
                          threads.add(Thread.currentThread());
                          names.add(Thread.currentThread().getName());
                          gate.pass(c);
                          return OperationResult.none();
                        })
                .maxConcurrent(1))) {
      OperationId first = fixture.engine.start(StartRequest.of("report")).operation().id();
      gate.awaitArrivals(1);
      OperationId second = fixture.engine.start(StartRequest.of("report")).operation().id();
      gate.open(2);
      fixture.awaitState(second, OperationState.SUCCEEDED);

      assertThat(names)
          .satisfiesExactly(
              n -> assertThat(n).matches("asyncops-worker-\\d+ \\[report " + first + "]"),
              n -> assertThat(n).matches("asyncops-worker-\\d+ \\[report " + second + "]"));
      for (Thread thread : threads) {
        Awaitility.await()
            .atMost(EngineFixture.PATIENCE)
            .until(() -> thread.getName().matches("asyncops-worker-\\d+"));
      }
    }
  }
}
