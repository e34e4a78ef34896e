package io.github.asyncops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.WorkerDiscoveryException;
import io.github.asyncops.core.examples.ReportProvider;
import io.github.asyncops.core.spi.WorkerProvider;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Providers in {@code META-INF/services} go through core's discovery: their settings come from the
 * environment under {@code asyncops.plugins.<type>.}, their services from beans, and a broken one
 * stops the application with core's {@link WorkerDiscoveryException}, which {@link
 * WorkerDiscoveryFailureAnalyzer} explains. Each test lists its own providers ({@link
 * ProviderListClassLoader}). That beans and listed providers meet over HTTP is in {@code
 * StarterIT}.
 */
final class PluginDiscoveryTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AsyncOpsAutoConfiguration.class));

  @TempDir Path directory;

  private ApplicationContextRunner listing(Class<?>... providers) {
    return runner.withClassLoader(new ProviderListClassLoader(directory, providers));
  }

  private static String title(AssertableApplicationContext context, String type) {
    return context
        .getBean(OperationEngine.class)
        .type(type)
        .map(OperationType::title)
        .orElseThrow();
  }

  private static String failure(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    Throwable cause = context.getStartupFailure();
    while (cause != null && !(cause instanceof WorkerDiscoveryException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("core's exception behind the failure").isNotNull();
    return cause.getMessage();
  }

  @Test
  void property_reaches_the_discovered_provider_as_its_setting() {
    listing(CountdownProvider.class)
        .withPropertyValues("asyncops.plugins.countdown.steps=3")
        .run(context -> assertThat(title(context, "countdown")).isEqualTo("Countdown of 3 steps"));
  }

  @Test
  void environment_variable_reaches_the_discovered_provider_by_relaxed_binding() {
    listing(CountdownProvider.class)
        .withInitializer(
            context ->
                context
                    .getEnvironment()
                    .getPropertySources()
                    .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("ASYNCOPS_PLUGINS_COUNTDOWN_STEPS", "4"))))
        .run(context -> assertThat(title(context, "countdown")).isEqualTo("Countdown of 4 steps"));
  }

  @Test
  void missing_setting_fails_start_up_naming_provider_and_property() {
    listing(CountdownProvider.class)
        .run(
            context -> {
              assertThat(failure(context))
                  .contains(
                      CountdownProvider.class.getName()
                          + " cannot be configured: setting 'countdown.steps' is missing: it is"
                          + " required");
              FailureAnalysis analysis =
                  new WorkerDiscoveryFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .startsWith("asyncops cannot start the operation engine:")
                  .contains(
                      "setting 'countdown.steps' (property asyncops.plugins.countdown.steps) is"
                          + " missing");
              assertThat(analysis.getAction())
                  .isEqualTo(WorkerDiscoveryFailureAnalyzer.ACTION)
                  .contains("asyncops.plugins.<type>.<setting>");
            });
  }

  @Test
  void invalid_setting_fails_start_up_naming_the_value() {
    listing(CountdownProvider.class)
        .withPropertyValues("asyncops.plugins.countdown.steps=many")
        .run(
            context ->
                assertThat(failure(context))
                    .contains(
                        "setting 'countdown.steps' has the invalid value 'many': must be a whole"
                            + " number from 1 to 100"));
  }

  @Test
  void provider_that_fails_to_load_fails_start_up() {
    listing(BrokenProvider.class, CountdownProvider.class)
        .withPropertyValues("asyncops.plugins.countdown.steps=3")
        .run(
            context ->
                assertThat(failure(context))
                    .contains("a worker provider failed to load")
                    .contains(BrokenProvider.class.getName())
                    .contains("the broken plugin's licence file is missing"));
  }

  @Test
  void data_source_bean_reaches_the_discovered_provider_as_a_service() {
    JdbcDataSource dataSource = new JdbcDataSource();
    listing(LedgerProvider.class)
        .withBean(DataSource.class, () -> dataSource)
        .run(context -> assertThat(title(context, "ledger")).isEqualTo("Ledger on " + dataSource));
  }

  @Test
  void customizer_bean_registers_a_service_for_discovered_providers() {
    JdbcDataSource dataSource = new JdbcDataSource();
    listing(LedgerProvider.class)
        .withBean(DataSource.class, () -> dataSource)
        .withBean(
            AsyncOpsEngineCustomizer.class,
            () -> builder -> builder.service(ZoneId.class, ZoneId.of("Europe/Paris")))
        .run(
            context ->
                assertThat(title(context, "ledger"))
                    .isEqualTo("Ledger on " + dataSource + " in Europe/Paris"));
  }

  @Test
  void missing_service_fails_start_up_naming_it() {
    listing(LedgerProvider.class)
        .run(
            context ->
                assertThat(failure(context))
                    .contains(LedgerProvider.class.getName() + " cannot be configured")
                    .contains("service javax.sql.DataSource is not registered"));
  }

  @Test
  void provider_that_is_a_bean_and_listed_is_taken_once_as_the_bean() {
    ReportProvider bean = new ReportProvider();
    listing(ReportProvider.class, DiscoveredProvider.class)
        .withBean(ReportProvider.class, () -> bean)
        .run(
            context ->
                assertThat(
                        context.getBean(OperationEngine.class).types().stream()
                            .map(OperationType::name))
                    .containsExactly("discovered", "report"));
  }

  @Test
  void without_discovery_only_beans_count_and_no_setting_is_read() {
    listing(CountdownProvider.class)
        .withPropertyValues("asyncops.discover=false")
        .withBean(WorkerProvider.class, DiscoveredProvider::new)
        .run(
            context ->
                assertThat(
                        context.getBean(OperationEngine.class).types().stream()
                            .map(OperationType::name))
                    .containsExactly("discovered"));
  }
}
