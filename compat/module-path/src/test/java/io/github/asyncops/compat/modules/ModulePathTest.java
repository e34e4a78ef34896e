package io.github.asyncops.compat.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import io.github.asyncops.store.jdbc.JdbcOperationStore;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The adapter, the JDBC store and core as named modules on the module path, used by an application
 * module: a worker that the application {@code provides} is discovered, the adapter can be built,
 * and the adapter and core export their API packages only, so reflection into the rest fails. The
 * JDBC store is still an automatic module (its name from the manifest). Runs on the module path
 * (surefire's {@code useModulePath}).
 */
final class ModulePathTest {

  @Test
  void this_test_runs_on_the_module_path() {
    assertThat(getClass().getModule().getName()).isEqualTo("io.github.asyncops.compat.modules");
    assertThat(AsyncOpsFeature.class.getModule().isNamed()).isTrue();
  }

  @Test
  void a_worker_provided_by_a_module_is_discovered_and_served() {
    try (OperationEngine engine = OperationEngine.builder().build()) {
      assertThat(engine.types()).extracting(OperationType::name).contains("greeting");
      assertThat(AsyncOpsFeature.builder(engine).build().resourceClass().getModule())
          .isEqualTo(AsyncOpsFeature.class.getModule());
    }
  }

  @Test
  void each_module_exports_only_its_api() {
    assertThat(exports(AsyncOpsFeature.class))
        .containsExactlyInAnyOrder("io.github.asyncops.jaxrs", "io.github.asyncops.jaxrs.json");
    assertThat(JdbcOperationStore.class.getModule().getName())
        .isEqualTo("io.github.asyncops.store.jdbc");
    assertThat(exports(OperationEngine.class)).doesNotContain("io.github.asyncops.core.internal");
  }

  @Test
  void the_adapters_internals_are_closed_to_reflection() throws Exception {
    Class<?> internal = Class.forName("io.github.asyncops.jaxrs.internal.SseSupport");

    assertThatThrownBy(
            () -> internal.getMethod("check", ClassLoader.class).invoke(null, (Object) null))
        .isInstanceOf(IllegalAccessException.class)
        .hasMessageContaining("does not export io.github.asyncops.jaxrs.internal");
  }

  private static Set<String> exports(Class<?> type) {
    ModuleDescriptor descriptor = type.getModule().getDescriptor();
    return descriptor.exports().stream()
        .filter(exported -> !exported.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toSet());
  }
}
