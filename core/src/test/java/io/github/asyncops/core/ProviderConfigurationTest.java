package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.testing.BadNameProvider;
import io.github.asyncops.core.testing.EchoProvider;
import io.github.asyncops.core.testing.GreetingProvider;
import io.github.asyncops.core.testing.ServicesFile;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a discovered provider receives its settings and services at build, and how a missing or
 * invalid one stops the build with a message naming the provider, the setting and the value. The
 * parsing of each kind of setting is {@code SettingsTest}'s.
 */
final class ProviderConfigurationTest {
  private static final Supplier<String> ALICE = () -> "alice";

  @TempDir Path dir;

  @Test
  void a_discovered_provider_gets_its_namespaced_settings_and_the_services() throws IOException {
    Properties properties = new Properties();
    properties.setProperty("greeting.greeting", "hello");
    properties.setProperty("greeting.repeat", "2");
    properties.setProperty("echo.greeting", "not mine");
    ManualClock clock = new ManualClock(Instant.parse("2026-05-01T10:00:00Z"));

    try (OperationEngine engine =
        discovering(GreetingProvider.class.getName())
            .settings(SettingsSource.of(properties))
            .service(Supplier.class, ALICE)
            .clock(clock)
            .build()) {
      assertThat(resultOf(engine)).isEqualTo("hello hello alice at 2026-05-01T10:00:00Z");
    }
  }

  @Test
  void a_clock_the_application_registers_replaces_the_engines_for_providers() throws IOException {
    Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    try (OperationEngine engine =
        discovering(GreetingProvider.class.getName())
            .settings(SettingsSource.of(Map.of("greeting.greeting", "hi")))
            .service(Supplier.class, ALICE)
            .service(Clock.class, fixed)
            .build()) {
      assertThat(resultOf(engine)).isEqualTo("hi alice at 2030-01-01T00:00:00Z");
    }
  }

  @Test
  void earlier_sources_win_over_later_ones() throws IOException {
    SettingsSource settings =
        SettingsSource.environment(Map.of("ASYNCOPS_GREETING_GREETING", "from env"))
            .orElse(SettingsSource.of(Map.of("greeting.greeting", "x", "greeting.repeat", "3")));

    try (OperationEngine engine =
        discovering(GreetingProvider.class.getName())
            .settings(settings)
            .service(Supplier.class, ALICE)
            .build()) {
      assertThat(resultOf(engine)).startsWith("from env from env from env alice");
    }
  }

  @Test
  void a_missing_setting_fails_the_build_naming_provider_and_setting() throws IOException {
    OperationEngine.Builder builder =
        discovering(GreetingProvider.class.getName()).service(Supplier.class, ALICE);

    assertThatThrownBy(builder::build)
        .isInstanceOf(WorkerDiscoveryException.class)
        .hasMessageContaining(GreetingProvider.class.getName() + " cannot be configured")
        .hasMessageContaining("setting 'greeting.greeting' is missing")
        .hasRootCauseInstanceOf(InvalidSettingException.class);
  }

  @Test
  void an_invalid_setting_fails_the_build_naming_provider_setting_and_value() throws IOException {
    OperationEngine.Builder builder =
        discovering(GreetingProvider.class.getName())
            .settings(SettingsSource.of(Map.of("greeting.greeting", "hi", "greeting.repeat", "9")))
            .service(Supplier.class, ALICE);

    assertThatThrownBy(builder::build)
        .isInstanceOf(WorkerDiscoveryException.class)
        .hasMessageContaining(GreetingProvider.class.getName())
        .hasMessageContaining("'greeting.repeat' has the invalid value '9'")
        .hasMessageContaining("must be a whole number from 1 to 5");
  }

  @Test
  void a_missing_service_fails_the_build_naming_provider_and_service() throws IOException {
    OperationEngine.Builder builder =
        discovering(GreetingProvider.class.getName())
            .settings(SettingsSource.of(Map.of("greeting.greeting", "hi")));

    assertThatThrownBy(builder::build)
        .isInstanceOf(WorkerDiscoveryException.class)
        .hasMessageContaining(GreetingProvider.class.getName())
        .hasMessageContaining("service java.util.function.Supplier is not registered");
  }

  @Test
  void one_broken_provider_stops_the_engine_and_every_problem_is_listed() throws IOException {
    OperationEngine.Builder builder =
        discovering(
            GreetingProvider.class.getName(),
            EchoProvider.class.getName(),
            "com.example.MissingProvider");

    assertThatThrownBy(builder::build)
        .isInstanceOf(WorkerDiscoveryException.class)
        .hasMessageContaining("'greeting.greeting' is missing")
        .hasMessageContaining("com.example.MissingProvider");
  }

  @Test
  void a_discovered_provider_with_an_unusable_name_is_reported_by_its_name() throws IOException {
    OperationEngine.Builder builder = discovering(BadNameProvider.class.getName());

    assertThatThrownBy(builder::build)
        .isInstanceOf(WorkerDiscoveryException.class)
        .hasMessageContaining(BadNameProvider.class.getName() + " declares an invalid type")
        .hasMessageContaining("name 'Bad Name' must be");
  }

  @Test
  void a_provider_registered_directly_is_used_as_it_is() {
    GreetingProvider unconfigured = new GreetingProvider();

    try (OperationEngine engine =
        OperationEngine.builder()
            .discover(false)
            .scheduler(new ManualScheduler())
            .worker(unconfigured)
            .build()) {
      assertThat(engine.types()).extracting(OperationType::name).containsExactly("greeting");
    }
  }

  @Test
  void a_service_of_the_wrong_type_is_refused_at_registration() {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<Object> wrong = (Class) Clock.class;

    assertThatThrownBy(() -> OperationEngine.builder().service(wrong, "not a clock"))
        .isInstanceOf(ClassCastException.class);
  }

  private OperationEngine.Builder discovering(String... classes) throws IOException {
    return OperationEngine.builder()
        .classLoader(ServicesFile.listing(dir, classes))
        .scheduler(new ManualScheduler());
  }

  private static String resultOf(OperationEngine engine) {
    OperationId id = engine.start(StartRequest.of("greeting").withOwner("u")).operation().id();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.status(id).state() == OperationState.SUCCEEDED);
    return (String) ((OperationResult.Value) engine.result(id).orElseThrow()).value();
  }
}
