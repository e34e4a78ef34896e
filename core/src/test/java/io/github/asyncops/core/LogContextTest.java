package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.testing.EngineFixture;
import io.github.asyncops.core.testing.TestProvider;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The log context without an MDC: while a worker runs, its thread's name carries the operation's
 * type and id, so any logging library that prints thread names ties lines to the operation.
 */
final class LogContextTest {

  @Test
  void a_worker_thread_carries_the_operation_while_it_runs_and_its_own_name_afterwards() {
    AtomicReference<Thread> thread = new AtomicReference<>();
    AtomicReference<String> nameWhileRunning = new AtomicReference<>();
    try (EngineFixture fixture =
        new EngineFixture(
            TestProvider.of(
                "report",
                p ->
                    c -> {
                      thread.set(Thread.currentThread());
                      nameWhileRunning.set(Thread.currentThread().getName());
                      return OperationResult.none();
                    }))) {
      OperationId id = fixture.engine.start(StartRequest.of("report")).operation().id();
      fixture.awaitState(id, OperationState.SUCCEEDED);

      assertThat(nameWhileRunning.get()).matches("asyncops-worker-\\d+ \\[report " + id + "]");
      assertThat(thread.get().getName()).matches("asyncops-worker-\\d+");
    }
  }
}
