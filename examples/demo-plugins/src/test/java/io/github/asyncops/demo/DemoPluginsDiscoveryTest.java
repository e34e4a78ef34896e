package io.github.asyncops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.SettingsSource;
import io.github.asyncops.core.WorkerDiscoveryException;
import io.github.asyncops.testing.ManualScheduler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin as an application meets it: an engine finds both types through this jar's {@code
 * META-INF/services} file and configures them from the application's settings.
 */
final class DemoPluginsDiscoveryTest {

  @Test
  void an_engine_discovers_both_types_and_configures_them() {
    try (OperationEngine engine =
        OperationEngine.builder()
            .scheduler(new ManualScheduler())
            .settings(
                SettingsSource.of(Map.of("missile-launch.lang", "en", "csv-export.lang", "en")))
            .build()) {
      assertThat(engine.types())
          .extracting(OperationType::name, OperationType::title)
          .containsExactly(
              tuple("csv-export", "CSV export"), tuple("missile-launch", "Missile launch"));
    }
  }

  @Test
  void a_bad_setting_stops_the_engine_naming_provider_setting_and_value() {
    OperationEngine.Builder builder =
        OperationEngine.builder()
            .scheduler(new ManualScheduler())
            .settings(SettingsSource.of(Map.of("missile-launch.flight-seconds", "soon")));

    assertThatThrownBy(builder::build)
        .isInstanceOf(WorkerDiscoveryException.class)
        .hasMessageContaining(MissileLaunchProvider.class.getName())
        .hasMessageContaining("'missile-launch.flight-seconds' has the invalid value 'soon'");
  }
}
