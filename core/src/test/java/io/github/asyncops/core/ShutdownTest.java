package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.testing.Gate;
import io.github.asyncops.core.testing.TestProvider;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown with the engine's own threads: running operations are asked to stop, stubborn
 * ones are interrupted, and no engine thread outlives {@link OperationEngine#close()}.
 */
final class ShutdownTest {
  private final Gate gate = new Gate();

  private static long engineThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("asyncops-") && t.isAlive())
        .count();
  }

  @Test
  void close_stops_running_operations_and_leaves_no_thread_behind() throws Exception {
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
    gate.awaitArrivals(3);
    assertThat(engineThreads()).isPositive();

    engine.close();

    assertThat(engineThreads()).isZero();
    assertThat(engine.status(cooperative).state()).isEqualTo(OperationState.STOPPED);
    assertThat(engine.status(stubborn).state()).isEqualTo(OperationState.STOPPED);
    assertThat(engine.status(queued).state()).isEqualTo(OperationState.STOPPED);
    assertThatThrownBy(() -> engine.start(StartRequest.of("cooperative")))
        .isInstanceOf(EngineClosedException.class);
    engine.close();
  }
}
