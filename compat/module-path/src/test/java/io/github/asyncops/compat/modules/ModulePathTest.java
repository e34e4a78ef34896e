package io.github.asyncops.compat.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import io.github.asyncops.store.jdbc.JdbcOperationStore;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every published module as the module system sees it. The application module here uses core, the
 * JAX-RS adapter and the JDBC store as named modules on the module path (surefire's {@code
 * useModulePath}): a worker that it {@code provides} is discovered and the adapter can be built.
 * For each of the three modules with a descriptor, its exported packages, read from {@link
 * ModuleDescriptor#exports()}, are exactly its API packages, and its other packages are exactly the
 * expected closed ones, so a new package has to be placed on purpose; the adapter's {@code
 * internal} package is closed to reflection. The Micrometer module and the Spring Boot starter have
 * no descriptor: their jars' {@code Automatic-Module-Name} is checked as the module system derives
 * it ({@link ModuleFinder} on the packaged jar), so this test needs the reactor's jars and runs
 * after {@code package} ({@code mvn verify}). Not covered: running the metrics or the starter on
 * the module path (Spring Boot applications run on the class path).
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
  void core_exports_exactly_its_api() {
    assertExplicitModule(
        OperationEngine.class,
        "io.github.asyncops.core",
        Set.of(
            "io.github.asyncops.core",
            "io.github.asyncops.core.spi",
            "io.github.asyncops.core.store"),
        Set.of());
  }

  @Test
  void the_adapter_exports_exactly_its_api() {
    assertExplicitModule(
        AsyncOpsFeature.class,
        "io.github.asyncops.jaxrs",
        Set.of("io.github.asyncops.jaxrs", "io.github.asyncops.jaxrs.json"),
        Set.of("io.github.asyncops.jaxrs.internal"));
  }

  @Test
  void the_jdbc_store_exports_exactly_its_api() {
    assertExplicitModule(
        JdbcOperationStore.class,
        "io.github.asyncops.store.jdbc",
        Set.of("io.github.asyncops.store.jdbc"),
        Set.of());
  }

  @Test
  void the_adapters_internals_are_closed_to_reflection() throws Exception {
    Module adapter = AsyncOpsFeature.class.getModule();
    Class<?> internal = Class.forName("io.github.asyncops.jaxrs.internal.Adapter");

    assertThat(internal.getModule()).isEqualTo(adapter);
    assertThat(adapter.isExported("io.github.asyncops.jaxrs.internal", getClass().getModule()))
        .isFalse();
    assertThat(adapter.isOpen("io.github.asyncops.jaxrs.internal", getClass().getModule()))
        .isFalse();
    assertThatThrownBy(
            () -> internal.getMethod("checkResource", Class.class).invoke(null, (Object) null))
        .isInstanceOf(IllegalAccessException.class)
        .hasMessageContaining("does not export io.github.asyncops.jaxrs.internal");
  }

  @Test
  void the_micrometer_module_has_a_stable_automatic_name() throws Exception {
    assertAutomaticModule(
        "io/github/asyncops/micrometer/AsyncOpsMetrics.class",
        "io.github.asyncops.micrometer",
        "io.github.asyncops.micrometer");
  }

  @Test
  void the_spring_boot_starter_has_a_stable_automatic_name() throws Exception {
    assertAutomaticModule(
        "io/github/asyncops/spring/boot/AsyncOpsAutoConfiguration.class",
        "io.github.asyncops.spring.boot",
        "io.github.asyncops.spring.boot");
  }

  /**
   * Asserts that the module of {@code type} is the named, non-automatic module {@code name}, that
   * it exports {@code api} to everyone and nothing else, and that its other packages are {@code
   * closed}.
   */
  private static void assertExplicitModule(
      Class<?> type, String name, Set<String> api, Set<String> closed) {
    Module module = type.getModule();
    ModuleDescriptor descriptor = module.getDescriptor();

    assertThat(module.getName()).isEqualTo(name);
    assertThat(descriptor.isAutomatic()).as("%s is automatic", name).isFalse();
    assertThat(descriptor.exports())
        .as("%s exports only to everyone", name)
        .noneMatch(ModuleDescriptor.Exports::isQualified);
    assertThat(
            descriptor.exports().stream()
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()))
        .as("%s exports", name)
        .containsExactlyInAnyOrderElementsOf(api);
    Set<String> others = new HashSet<>(descriptor.packages());
    others.removeAll(api);
    assertThat(others).as("%s packages that are not exported", name).isEqualTo(closed);
    for (String hidden : closed) {
      assertThat(module.isExported(hidden)).as("%s exports %s", name, hidden).isFalse();
    }
  }

  /**
   * Asserts that the jar holding {@code classResource} is, to the module system, the automatic
   * module {@code name} that contains {@code apiPackage}.
   */
  private static void assertAutomaticModule(String classResource, String name, String apiPackage)
      throws IOException, URISyntaxException {
    ModuleDescriptor descriptor = moduleOfJar(classResource).descriptor();

    assertThat(descriptor.isAutomatic()).as("%s is automatic", name).isTrue();
    assertThat(descriptor.name()).isEqualTo(name);
    assertThat(descriptor.packages()).contains(apiPackage);
  }

  /** The module that {@link ModuleFinder} finds in the jar that holds {@code classResource}. */
  private static ModuleReference moduleOfJar(String classResource)
      throws IOException, URISyntaxException {
    URL url = ClassLoader.getSystemClassLoader().getResource(classResource);
    assertThat(url).as("%s on the test path", classResource).isNotNull();
    assertThat(url.getProtocol())
        .as(
            "%s must come from a jar, whose manifest names the module; run mvn verify, not test",
            url)
        .isEqualTo("jar");
    Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
    Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
    assertThat(found).as("modules in %s", jar).hasSize(1);
    return found.iterator().next();
  }
}
