package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.core.testing.BrokenProvider;
import io.github.asyncops.core.testing.EchoProvider;
import io.github.asyncops.core.testing.EchoTwinProvider;
import io.github.asyncops.core.testing.ServicesFile;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an engine finds its operation types: {@link java.util.ServiceLoader} discovery through a
 * {@code META-INF/services} file, explicit registration, and the failures that must stop the engine
 * from starting.
 */
final class WorkerDiscoveryTest {
  @TempDir Path dir;

  @Test
  void discovers_providers_listed_in_meta_inf_services() throws IOException {
    try (OperationEngine engine = engineWith(services(EchoProvider.class.getName())).build()) {
      assertThat(engine.types()).extracting(OperationType::name).containsExactly("echo");
      OperationType echo = engine.type("echo").orElseThrow();
      assertThat(echo.title()).isEqualTo("echo");
      assertThat(echo.scope()).isEqualTo(Scope.USER);
      assertThat(echo.startPolicy()).isEqualTo(StartPolicy.JOIN);
      assertThat(echo.parameterType()).isEqualTo(String.class);
    }
  }

  @Test
  void explicit_providers_join_discovered_ones() throws IOException {
    try (OperationEngine engine =
        engineWith(services(EchoProvider.class.getName()))
            .worker(TestProvider.of("extra", p -> c -> OperationResult.none()))
            .build()) {
      assertThat(engine.types()).extracting(OperationType::name).containsExactly("echo", "extra");
    }
  }

  @Test
  void discovery_can_be_turned_off() throws IOException {
    try (OperationEngine engine =
        engineWith(services(EchoProvider.class.getName())).discover(false).build()) {
      assertThat(engine.types()).isEmpty();
    }
  }

  @Test
  void duplicate_names_fail_the_start_naming_both_classes() throws IOException {
    OperationEngine.Builder builder =
        engineWith(services(EchoProvider.class.getName(), EchoTwinProvider.class.getName()));

    assertThatThrownBy(builder::build)
        .isInstanceOf(WorkerDiscoveryException.class)
        .hasMessageContaining("duplicate operation type name 'echo'")
        .hasMessageContaining(EchoProvider.class.getName())
        .hasMessageContaining(EchoTwinProvider.class.getName());
  }

  @Test
  void a_provider_that_fails_to_load_fails_the_start_with_its_class_and_cause() throws IOException {
    OperationEngine.Builder builder =
        engineWith(
            services(
                BrokenProvider.class.getName(),
                "com.example.MissingProvider",
                EchoProvider.class.getName()));

    assertThatThrownBy(builder::build)
        .isInstanceOf(WorkerDiscoveryException.class)
        .hasMessageContaining(BrokenProvider.class.getName())
        .hasMessageContaining("the export database is not configured")
        .hasMessageContaining("com.example.MissingProvider")
        .hasMessageNotContaining("duplicate");
  }

  @Test
  void invalid_declarations_fail_the_start_naming_the_problem() {
    List<WorkerProvider<?>> invalid =
        List.of(
            TestProvider.of("Not Url Safe", p -> c -> OperationResult.none()),
            TestProvider.of("zero", p -> c -> OperationResult.none()).maxConcurrent(0));

    for (WorkerProvider<?> provider : invalid) {
      OperationEngine.Builder builder = OperationEngine.builder().discover(false).worker(provider);
      assertThatThrownBy(builder::build)
          .isInstanceOf(WorkerDiscoveryException.class)
          .hasMessageContaining(TestProvider.class.getName())
          .hasMessageMatching("(?s).*(name 'Not Url Safe'|maxConcurrent must be at least 1).*");
    }
  }

  private OperationEngine.Builder engineWith(ClassLoader loader) {
    return OperationEngine.builder().classLoader(loader).scheduler(new ManualScheduler());
  }

  private ClassLoader services(String... classes) throws IOException {
    return ServicesFile.listing(dir, classes);
  }
}
