package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.InvalidSettingException;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.SettingsSource;
import io.github.asyncops.testing.WorkerRun;
import io.github.asyncops.testing.WorkerTester;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ${typeName} worker's story, told with asyncops-testing's WorkerTester. */
final class ${providerClass}Test {

  @Test
  void works_through_its_steps_and_reports_each_one() {
    WorkerRun run =
        WorkerTester.of(new ${providerClass}())
            .setting("steps", "3")
            .setting("pause", "0ms")
            .run(null);

    assertThat(run.startText()).isEqualTo("Starting");
    assertThat(run.texts()).containsExactly("Step 1 of 3", "Step 2 of 3", "Step 3 of 3");
    assertThat(run.outcome()).isEqualTo(OperationState.SUCCEEDED);
    assertThat(run.resultValue()).contains(OperationResult.of("done in 3 steps"));
  }

  @Test
  void stops_between_steps_when_asked() {
    WorkerRun run =
        WorkerTester.of(new ${providerClass}())
            .setting("steps", "10")
            .setting("pause", "0ms")
            .stopWhen(report -> report.value() >= 0.2)
            .run(null);

    assertThat(run.texts()).containsExactly("Step 1 of 10", "Step 2 of 10");
    assertThat(run.stopText()).isEqualTo("Stopped");
    assertThat(run.outcome()).isEqualTo(OperationState.STOPPED);
  }

  @Test
  void an_engine_discovers_it_and_hands_it_its_settings() {
    try (OperationEngine engine =
        OperationEngine.builder()
            .settings(SettingsSource.of(Map.of("${typeName}.steps", "2", "${typeName}.pause", "0ms")))
            .build()) {
      assertThat(engine.types()).extracting(OperationType::name).contains("${typeName}");
    }
  }

  @Test
  void refuses_a_setting_it_cannot_use() {
    assertThatThrownBy(() -> WorkerTester.of(new ${providerClass}()).setting("steps", "0").run(null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'${typeName}.steps' has the invalid value '0'");
  }
}
