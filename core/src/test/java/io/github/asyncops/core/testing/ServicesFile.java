package io.github.asyncops.core.testing;

import io.github.asyncops.core.spi.WorkerProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

/** Class loaders that see the test classes and one services file, for discovery tests. */
public final class ServicesFile {
  private ServicesFile() {}

  /**
   * Writes {@code META-INF/services/...WorkerProvider} listing {@code classes} under {@code dir}
   * and returns a class loader that sees it (and no other services file) and the test classes.
   *
   * @param dir an empty directory
   * @param classes the provider class names to list
   * @return the class loader
   * @throws IOException if the file cannot be written
   */
  public static ClassLoader listing(Path dir, String... classes) throws IOException {
    Path file = dir.resolve("META-INF/services/" + WorkerProvider.class.getName());
    Files.createDirectories(file.getParent());
    Files.write(file, List.of(classes));
    return new URLClassLoader(
        new URL[] {dir.toUri().toURL()}, ServicesFile.class.getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return findResources(name);
      }
    };
  }
}
