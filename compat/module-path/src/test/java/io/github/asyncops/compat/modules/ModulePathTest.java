package io.github.asyncops.compat.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import io.github.asyncops.store.jdbc.JdbcOperationStore;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.InaccessibleObjectException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every published jar as the module system sees it, read from the jar that the reactor packaged
 * ({@link ModuleFinder} on it, found by its {@code pom.properties}), so this test runs after {@code
 * package} ({@code mvn verify}). The modules with a descriptor (core, the JAX-RS adapter, the JDBC
 * store, asyncops-grizzly and the demo plugins) export exactly their API packages, to everyone, and
 * their other packages are exactly the expected closed ones, so that a new package has to be placed
 * on purpose. The modules without one (the testing kit, the Micrometer module and the Spring Boot
 * starter) have a stable {@code Automatic-Module-Name}; an automatic module exports every package,
 * so their packages are exactly the expected ones and none is internal. The WebJar holds no Java.
 * The application module here uses core, the adapter, the JDBC store and asyncops-grizzly as named
 * modules on the module path (surefire's {@code useModulePath}): a worker that it {@code provides}
 * is discovered, the adapter can be built, and the adapter's closed packages refuse reflection. Not
 * covered: running the kit, the metrics or the starter on the module path (Spring Boot applications
 * run on the class path); what the exported packages contain is api-guard's.
 */
final class ModulePathTest {

  @Test
  void this_test_runs_on_the_module_path() {
    assertThat(getClass().getModule().getName()).isEqualTo("io.github.asyncops.compat.modules");
    assertThat(AsyncOpsFeature.class.getModule().isNamed()).isTrue();
    assertThat(JdbcOperationStore.class.getModule().getName())
        .isEqualTo("io.github.asyncops.store.jdbc");
    assertThat(OperationEngine.class.getModule().getName()).isEqualTo("io.github.asyncops.core");
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
  void a_modules_message_bundles_are_read_from_the_module_in_each_language() {
    // No housekeeping tick within the test claims the operation before the start does, so the
    // start's answer carries the start text.
    try (OperationEngine engine =
        OperationEngine.builder()
            .locale(Locale.ENGLISH)
            .tickInterval(Duration.ofHours(1))
            .build()) {
      OperationSnapshot started = engine.start(StartRequest.of("welcome")).operation();

      assertThat(started.text()).isEqualTo("Welcome, Ada!");
      assertThat(engine.localize(started, Locale.forLanguageTag("ru")).text())
          .isEqualTo("Добро пожаловать, Ada!");
      engine.stop(started.id());
    }
  }

  @Test
  void core_exports_exactly_its_api() throws Exception {
    assertExplicitModule(
        "asyncops-core",
        "io.github.asyncops.core",
        Set.of(
            "io.github.asyncops.core",
            "io.github.asyncops.core.spi",
            "io.github.asyncops.core.store"),
        Set.of());
  }

  @Test
  void the_adapter_exports_exactly_its_api() throws Exception {
    assertExplicitModule(
        "asyncops-jaxrs",
        "io.github.asyncops.jaxrs",
        Set.of("io.github.asyncops.jaxrs", "io.github.asyncops.jaxrs.json"),
        Set.of("io.github.asyncops.jaxrs.internal"));
  }

  @Test
  void the_jdbc_store_exports_exactly_its_api() throws Exception {
    assertExplicitModule(
        "asyncops-store-jdbc",
        "io.github.asyncops.store.jdbc",
        Set.of("io.github.asyncops.store.jdbc"),
        Set.of());
  }

  @Test
  void the_grizzly_module_exports_exactly_its_api() throws Exception {
    assertExplicitModule(
        "asyncops-grizzly",
        "io.github.asyncops.grizzly",
        Set.of("io.github.asyncops.grizzly"),
        Set.of());
  }

  @Test
  void the_demo_plugins_export_exactly_their_api() throws Exception {
    assertExplicitModule(
        "asyncops-demo-plugins",
        "io.github.asyncops.demo",
        Set.of("io.github.asyncops.demo"),
        Set.of());
  }

  @Test
  void the_testing_kit_has_a_stable_automatic_name() throws Exception {
    assertAutomaticModule(
        "asyncops-testing", "io.github.asyncops.testing", Set.of("io.github.asyncops.testing"));
  }

  @Test
  void the_micrometer_module_has_a_stable_automatic_name() throws Exception {
    assertAutomaticModule(
        "asyncops-micrometer",
        "io.github.asyncops.micrometer",
        Set.of("io.github.asyncops.micrometer"));
  }

  @Test
  void the_spring_boot_starter_has_a_stable_automatic_name() throws Exception {
    assertAutomaticModule(
        "asyncops-spring-boot-starter",
        "io.github.asyncops.spring.boot",
        Set.of("io.github.asyncops.spring.boot"));
  }

  @Test
  void the_adapters_closed_packages_refuse_reflection() throws Exception {
    Module adapter = AsyncOpsFeature.class.getModule();
    Set<String> closed = new HashSet<>(adapter.getPackages());
    closed.removeAll(
        adapter.getDescriptor().exports().stream()
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()));
    assertThat(closed).isNotEmpty();

    for (String hidden : closed) {
      assertThat(adapter.isExported(hidden, getClass().getModule())).as(hidden).isFalse();
      assertThat(adapter.isOpen(hidden, getClass().getModule())).as(hidden).isFalse();
      List<String> classes = classesIn("asyncops-jaxrs", hidden);
      assertThat(classes).as("classes in %s", hidden).isNotEmpty();
      for (String name : classes) {
        Class<?> inside = Class.forName(adapter, name);
        assertThat(inside).as(name).isNotNull();
        List<AccessibleObject> members = new ArrayList<>();
        members.addAll(Arrays.asList(inside.getDeclaredConstructors()));
        members.addAll(Arrays.asList(inside.getDeclaredMethods()));
        for (AccessibleObject member : members) {
          assertThatThrownBy(() -> member.setAccessible(true))
              .as("reflection into %s", member)
              .isInstanceOf(InaccessibleObjectException.class)
              .hasMessageContaining("module io.github.asyncops.jaxrs does not")
              .hasMessageContaining(" " + hidden + "\" to module io.github.asyncops.compat");
        }
      }
    }
  }

  /**
   * Asserts that the jar of {@code artifactId} is the named, non-automatic module {@code name},
   * that it exports {@code api} to everyone and nothing else, and that its other packages are
   * {@code closed}.
   */
  private static void assertExplicitModule(
      String artifactId, String name, Set<String> api, Set<String> closed) throws Exception {
    ModuleDescriptor descriptor = moduleOfJar(artifactId).descriptor();

    assertThat(descriptor.name()).isEqualTo(name);
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
  }

  /**
   * Asserts that the jar of {@code artifactId} is, to the module system, the automatic module
   * {@code name} whose packages, all exported, are exactly {@code packages}.
   */
  private static void assertAutomaticModule(String artifactId, String name, Set<String> packages)
      throws Exception {
    ModuleDescriptor descriptor = moduleOfJar(artifactId).descriptor();

    assertThat(descriptor.isAutomatic()).as("%s is automatic", name).isTrue();
    assertThat(descriptor.name()).isEqualTo(name);
    assertThat(descriptor.packages()).as("%s packages, all exported", name).isEqualTo(packages);
    assertThat(descriptor.packages()).noneMatch(found -> found.contains("internal"));
  }

  /**
   * The binary names of the classes in {@code packageName}, read from the jar of {@code
   * artifactId}.
   */
  private static List<String> classesIn(String artifactId, String packageName) throws Exception {
    String prefix = packageName.replace('.', '/') + "/";
    try (ModuleReader reader = moduleOfJar(artifactId).open()) {
      return reader
          .list()
          .filter(entry -> entry.startsWith(prefix) && entry.endsWith(".class"))
          .map(entry -> entry.substring(0, entry.length() - ".class".length()))
          .filter(entry -> entry.lastIndexOf('/') == prefix.length() - 1)
          .filter(entry -> !entry.endsWith("/package-info"))
          .map(entry -> entry.replace('/', '.'))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** The module that {@link ModuleFinder} finds in the packaged jar of {@code artifactId}. */
  private static ModuleReference moduleOfJar(String artifactId)
      throws IOException, URISyntaxException {
    String descriptor = "META-INF/maven/io.github.asyncops/" + artifactId + "/pom.properties";
    URL url = ClassLoader.getSystemClassLoader().getResource(descriptor);
    assertThat(url).as("%s on the test path", descriptor).isNotNull();
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
