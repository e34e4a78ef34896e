package io.github.asyncops.core.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.SettingsSource;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.testing.ServicesFile;
import io.github.asyncops.core.testing.StepsReportProvider;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's settings and services example as written: a provider discovered through the
 * context class loader reads its setting from the properties and gets the application's data
 * source.
 */
final class ReadmeSettingsTest {
  @TempDir Path dir;
  private ClassLoader previous;

  @BeforeEach
  void discoverTheReportProvider() throws Exception {
    previous = Thread.currentThread().getContextClassLoader();
    Thread.currentThread()
        .setContextClassLoader(ServicesFile.listing(dir, StepsReportProvider.class.getName()));
  }

  @AfterEach
  void restoreTheClassLoader() {
    Thread.currentThread().setContextClassLoader(previous);
  }

  @Test
  void a_discovered_provider_reads_its_settings_and_gets_the_data_source() {
    Properties properties = new Properties();
    properties.setProperty("report.steps", "3");
    DataSource dataSource = dataSource("the application's data source");

    OperationEngine engine =
        OperationEngine.builder()
            .settings(SettingsSource.of(properties).orElse(SettingsSource.environment()))
            .service(DataSource.class, dataSource)
            .build();

    try (engine) {
      OperationId id = engine.start(StartRequest.of("report").withOwner("alice")).operation().id();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> engine.status(id), s -> !s.active());
      assertThat(engine.result(id))
          .contains(OperationResult.of("3 steps from the application's data source"));
    }
  }

  /** A data source that only has a name: the provider passes it on without connecting. */
  private static DataSource dataSource(String name) {
    return (DataSource)
        Proxy.newProxyInstance(
            ReadmeSettingsTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("toString")) {
                return name;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
