package ${package};

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.InvalidSettingException;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.SettingsSource;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.WorkerRun;
import io.github.asyncops.testing.WorkerTester;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ${typeName} worker's story, told with asyncops-testing's WorkerTester. */
final class ${providerClass}Test {

  @Test
  void works_through_its_steps_and_reports_each_one() {
    WorkerRun run =
        WorkerTester.of(new ${providerClass}())
            .locale(Locale.ENGLISH)
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
            .locale(Locale.ENGLISH)
            .setting("steps", "10")
            .setting("pause", "0ms")
            .stopWhen(report -> report.value() >= 0.2)
            .run(null);

    assertThat(run.texts()).containsExactly("Step 1 of 10", "Step 2 of 10");
    assertThat(run.stopText()).isEqualTo("Stopped");
    assertThat(run.outcome()).isEqualTo(OperationState.STOPPED);
  }

  @Test
  void speaks_russian_to_a_russian_viewer() {
    WorkerRun run =
        WorkerTester.of(new ${providerClass}())
            .locale(Locale.forLanguageTag("ru"))
            .setting("steps", "2")
            .setting("pause", "0ms")
            .run(null);

    assertThat(run.startText()).isEqualTo("Начинаем");
    assertThat(run.texts()).containsExactly("Шаг 1 из 2", "Шаг 2 из 2");
  }

  @Test
  void an_engine_renders_it_in_each_viewers_language() {
    try (OperationEngine engine =
        OperationEngine.builder()
            .locale(Locale.ENGLISH)
            .scheduler(new ManualScheduler())
            .settings(SettingsSource.of(Map.of("${typeName}.steps", "2", "${typeName}.pause", "1h")))
            .build()) {
      OperationSnapshot started = engine.start(StartRequest.of("${typeName}")).operation();

      assertThat(started.text()).isEqualTo("Starting");
      assertThat(engine.localize(started, engine.locale(List.of(Locale.forLanguageTag("ru-RU")))).text())
          .isEqualTo("Начинаем");
      engine.stop(started.id());
    }
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
