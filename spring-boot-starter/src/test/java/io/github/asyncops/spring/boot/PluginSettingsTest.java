package io.github.asyncops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Core's setting keys as Spring properties under {@code asyncops.plugins.}. Environment variables
 * and the failures of a provider's settings are in {@link PluginDiscoveryTest}.
 */
final class PluginSettingsTest {
  private final PluginSettings settings = new PluginSettings(environment());

  private static StandardEnvironment environment() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "asyncops.plugins.report.steps", "3",
                    "asyncops.plugins.report.max-pages", "${pages}",
                    "pages", "12",
                    "asyncops.plugins.report.flightSeconds", "30")));
    return environment;
  }

  @Test
  void key_is_read_under_the_plugins_prefix() {
    assertThat(settings.get("report.steps")).contains("3");
  }

  @Test
  void placeholder_in_a_value_is_resolved() {
    assertThat(settings.get("report.max-pages")).contains("12");
  }

  @Test
  void setting_name_that_is_no_property_name_is_read_as_written() {
    assertThat(settings.get("report.flightSeconds")).contains("30");
  }

  @Test
  void missing_setting_is_empty() {
    assertThat(settings.get("report.colour")).isEmpty();
    assertThat(settings.get("ledger.steps")).isEmpty();
  }
}
