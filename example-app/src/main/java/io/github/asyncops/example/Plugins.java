package io.github.asyncops.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the demo's engine discovers its worker plugins: the demo's own class path (which has the
 * demo plugins, and any jar added to it), plus every {@code *.jar} in the {@code --plugins}
 * directory. Closing it closes the jars.
 */
final class Plugins implements AutoCloseable {
  private final ClassLoader loader;
  private final URLClassLoader opened;

  private Plugins(ClassLoader loader, URLClassLoader opened) {
    this.loader = loader;
    this.opened = opened;
  }

  /**
   * Opens the plugins.
   *
   * @param dir the plugin directory, or null for the class path only
   * @return the plugins
   * @throws UncheckedIOException if the directory cannot be listed
   */
  static Plugins open(Path dir) {
    ClassLoader parent = Plugins.class.getClassLoader();
    if (dir == null) {
      return new Plugins(parent, null);
    }
    URLClassLoader jars = new URLClassLoader("asyncops-plugins", urls(jars(dir)), parent);
    return new Plugins(jars, jars);
  }

  /** The class loader to give {@code OperationEngine.builder().classLoader(...)}. */
  ClassLoader loader() {
    return loader;
  }

  @Override
  public void close() {
    if (opened != null) {
      try {
        opened.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<Path> jars(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the plugin directory " + dir, e);
    }
  }

  private static URL[] urls(List<Path> jars) {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("cannot load the plugin " + jars.get(i), e);
      }
    }
    return urls;
  }
}
