package io.github.asyncops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.examples.ReportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rewritten {@code META-INF/services} list: bean classes leave it, comments and other providers
 * stay, and an untouched list is the original resource. That core's discovery then takes the bean
 * once is in {@link PluginDiscoveryTest}.
 */
final class DiscoveryClassLoaderTest {
  private static final String LIST =
      "# providers of this jar\n"
          + ReportProvider.class.getName()
          + "   # also declared as a bean\r\n"
          + DiscoveredProvider.class.getName()
          + "\n";

  @TempDir Path directory;

  private URLClassLoader jarWithList() throws IOException {
    Path services = directory.resolve(DiscoveryClassLoader.SERVICES);
    Files.createDirectories(services.getParent());
    Files.writeString(services, LIST, StandardCharsets.UTF_8);
    return new URLClassLoader(new URL[] {directory.toUri().toURL()}, null);
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void list_loses_bean_classes_and_keeps_comments_and_other_providers() throws IOException {
    try (URLClassLoader jar = jarWithList()) {
      List<URL> lists =
          Collections.list(
              new DiscoveryClassLoader(jar, Set.of(ReportProvider.class.getName()))
                  .getResources(DiscoveryClassLoader.SERVICES));

      assertThat(lists).hasSize(1);
      assertThat(read(lists.get(0)))
          .isEqualTo("# providers of this jar\n" + DiscoveredProvider.class.getName() + "\n");
      assertThat(lists.get(0).toString()).endsWith(DiscoveryClassLoader.SERVICES);
    }
  }

  @Test
  void list_without_bean_classes_is_the_original() throws IOException {
    try (URLClassLoader jar = jarWithList()) {
      URL original = jar.getResource(DiscoveryClassLoader.SERVICES);

      assertThat(
              Collections.list(
                  new DiscoveryClassLoader(jar, Set.of(FlightProvider.class.getName()))
                      .getResources(DiscoveryClassLoader.SERVICES)))
          .containsExactly(original);
      assertThat(
              Collections.list(
                  new DiscoveryClassLoader(jar, Set.of())
                      .getResources(DiscoveryClassLoader.SERVICES)))
          .containsExactly(original);
    }
  }
}
