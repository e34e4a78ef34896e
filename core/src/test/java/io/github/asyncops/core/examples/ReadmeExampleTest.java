package io.github.asyncops.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Runs the README's getting-started code as written, with the engine's default threads. */
final class ReadmeExampleTest {

  @Test
  void the_readme_example_renders_a_report() {
    OperationEngine engine = OperationEngine.builder().worker(new ReportProvider()).build();
    OperationId id =
        engine
            .start(
                StartRequest.of("report")
                    .withParameters(new ReportProvider.Request(3))
                    .withOwner("alice"))
            .operation()
            .id();
    OperationSnapshot status = engine.status(id); // state, value 0..1, text, pollAfter, ...

    try (engine) {
      assertThat(status.type()).isEqualTo("report");
      assertThat(status.owner()).isEqualTo("alice");
      OperationSnapshot done =
          Awaitility.await()
              .atMost(Duration.ofSeconds(10))
              .until(() -> engine.status(id), s -> !s.active());

      assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
      assertThat(done.text()).isEqualTo("Rendered 3 pages");
      assertThat(engine.result(id)).contains(OperationResult.of("page 1\npage 2\npage 3\n"));
    }
  }
}
