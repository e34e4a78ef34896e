package io.github.asyncops.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.InvalidSettingException;
import io.github.asyncops.core.SettingsSource;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@link Settings} reads and checks each kind of value, and where each {@link SettingsSource}
 * looks. How the engine hands settings to providers is {@code ProviderConfigurationTest}'s.
 */
final class SettingsTest {

  @Test
  void names_are_read_under_the_namespace() {
    Settings settings = settings(Map.of("export.rows", "10", "rows", "99"));

    assertThat(settings.key("rows")).isEqualTo("export.rows");
    assertThat(settings.find("rows")).contains("10");
    assertThat(settings.find("pages")).isEmpty();
  }

  @Test
  void absent_settings_take_their_defaults() {
    Settings settings = settings(Map.of());

    assertThat(settings.string("name", "x")).isEqualTo("x");
    assertThat(settings.integer("rows", 7, 1, 10)).isEqualTo(7);
    assertThat(settings.bool("fast", true)).isTrue();
    assertThat(settings.duration("pause", Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void a_required_setting_that_is_missing_or_blank_is_refused() {
    assertThatThrownBy(() -> settings(Map.of()).string("dir"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("setting 'export.dir' is missing: it is required");
    assertThatThrownBy(() -> settings(Map.of("export.dir", " ")).string("dir"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("setting 'export.dir' has the invalid value ' ': must not be blank");
  }

  @Test
  void integers_inside_their_bounds_are_read_and_others_refused() {
    Random random = new Random(14);
    for (int i = 0; i < 1_000; i++) {
      int value = random.nextInt(2_000) - 1_000;
      Settings settings = settings(Map.of("export.rows", Integer.toString(value)));
      if (value >= 1 && value <= 500) {
        assertThat(settings.integer("rows", 0, 1, 500)).isEqualTo(value);
      } else {
        assertThatThrownBy(() -> settings.integer("rows", 0, 1, 500))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessage(
                "setting 'export.rows' has the invalid value '"
                    + value
                    + "': must be a whole number from 1 to 500");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ten", "1.5", "99999999999", "0x10"})
  void text_that_is_not_a_whole_number_is_refused_with_its_value(String value) {
    InvalidSettingException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidSettingException.class,
            () -> settings(Map.of("export.rows", value)).integer("rows", 1, 1, 10));

    assertThat(e.key()).isEqualTo("export.rows");
    assertThat(e.value()).contains(value);
  }

  @Test
  void durations_read_units_and_iso_8601() {
    assertThat(duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(duration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(duration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(duration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(duration("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
  }

  @ParameterizedTest
  @ValueSource(strings = {"soon", "5 minutes", "-PT1S", "10x"})
  void bad_durations_are_refused(String value) {
    assertThatThrownBy(() -> duration(value))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("'export.pause' has the invalid value '" + value + "'");
  }

  @Test
  void booleans_are_true_or_false_only() {
    assertThat(settings(Map.of("export.fast", "TRUE")).bool("fast", false)).isTrue();
    assertThat(settings(Map.of("export.fast", "false")).bool("fast", true)).isFalse();
    assertThatThrownBy(() -> settings(Map.of("export.fast", "yes")).bool("fast", false))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("must be true or false");
  }

  @Test
  void a_providers_own_parser_and_checks_report_like_the_built_in_ones() {
    Settings settings = settings(Map.of("export.lang", "de"));

    assertThatThrownBy(
            () ->
                settings.get(
                    "lang",
                    "ru",
                    text -> {
                      if (!text.equals("ru") && !text.equals("en")) {
                        throw new IllegalArgumentException("must be ru or en");
                      }
                      return text;
                    }))
        .hasMessage("setting 'export.lang' has the invalid value 'de': must be ru or en");
    assertThat(settings.invalid("lang", "is not offered"))
        .hasMessage("setting 'export.lang' has the invalid value 'de': is not offered");
  }

  @Test
  void sources_look_where_their_names_say() {
    Properties properties = new Properties();
    properties.setProperty("export.rows", "1");
    System.setProperty("asyncops.export.rows-from-system", "2");
    try {
      assertThat(SettingsSource.of(properties).get("export.rows")).contains("1");
      assertThat(SettingsSource.systemProperties().get("export.rows-from-system")).contains("2");
      assertThat(SettingsSource.environmentName("missile-launch.flight-seconds"))
          .isEqualTo("ASYNCOPS_MISSILE_LAUNCH_FLIGHT_SECONDS");
      assertThat(SettingsSource.environment(Map.of("ASYNCOPS_EXPORT_ROWS", "3")).get("export.rows"))
          .contains("3");
      assertThat(SettingsSource.none().get("export.rows")).isEmpty();
    } finally {
      System.clearProperty("asyncops.export.rows-from-system");
    }
  }

  @Test
  void a_context_hands_out_registered_services_and_names_a_missing_one() {
    ProviderContext context =
        ProviderContext.of("export", SettingsSource.none(), Map.of(CharSequence.class, "db"));

    assertThat(context.service(CharSequence.class)).isEqualTo("db");
    assertThat(context.findService(Runnable.class)).isEmpty();
    assertThatThrownBy(() -> context.service(Runnable.class))
        .hasMessageContaining("service java.lang.Runnable is not registered");
    assertThatThrownBy(
            () -> ProviderContext.of("export", SettingsSource.none(), Map.of(Runnable.class, "x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Runnable");
  }

  private static Duration duration(String value) {
    return settings(Map.of("export.pause", value)).duration("pause", Duration.ZERO);
  }

  private static Settings settings(Map<String, String> values) {
    return new Settings("export", SettingsSource.of(values));
  }
}
