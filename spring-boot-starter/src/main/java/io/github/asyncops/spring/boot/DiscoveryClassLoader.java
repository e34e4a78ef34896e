package io.github.asyncops.spring.boot;

import io.github.asyncops.core.spi.WorkerProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

/**
 * The class loader that the engine's own discovery searches: the application's, except that the
 * {@code META-INF/services} lists of {@link WorkerProvider} no longer name the classes that are
 * already beans. Core then discovers and configures every other provider itself, and a class that
 * is both a bean and listed is taken once, as the bean (which may have injected collaborators that
 * a ServiceLoader instance lacks), instead of failing as a duplicate name.
 *
 * <p>Only that one resource is rewritten, in memory; classes and every other resource come from the
 * parent, so the discovered classes are the application's own. Providers in named modules (the
 * module path) are not filtered; Spring Boot applications run on the class path.
 */
final class DiscoveryClassLoader extends ClassLoader {
  static final String SERVICES = "META-INF/services/" + WorkerProvider.class.getName();

  private final Set<String> hidden;

  /**
   * Creates the loader.
   *
   * @param parent the application's class loader
   * @param hidden the names of the provider classes that are beans
   */
  DiscoveryClassLoader(ClassLoader parent, Set<String> hidden) {
    super(parent);
    this.hidden = Set.copyOf(hidden);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    Enumeration<URL> resources = super.getResources(name);
    if (!SERVICES.equals(name) || hidden.isEmpty()) {
      return resources;
    }
    List<URL> lists = new ArrayList<>();
    for (URL list : Collections.list(resources)) {
      lists.add(withoutHidden(list));
    }
    return Collections.enumeration(lists);
  }

  private URL withoutHidden(URL list) throws IOException {
    String text;
    try (InputStream in = list.openStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder kept = new StringBuilder();
    boolean dropped = false;
    for (String line : text.split("\r?\n|\r")) {
      // The format of ServiceLoader: a class name per line, '#' starts a comment.
      if (hidden.contains(line.split("#", 2)[0].trim())) {
        dropped = true;
      } else {
        kept.append(line).append('\n');
      }
    }
    return dropped ? inMemory(list, kept.toString().getBytes(StandardCharsets.UTF_8)) : list;
  }

  private static URL inMemory(URL original, byte[] content) throws MalformedURLException {
    URLStreamHandler handler =
        new URLStreamHandler() {
          @Override
          protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
              @Override
              public void connect() {}

              @Override
              public InputStream getInputStream() {
                return new ByteArrayInputStream(content);
              }
            };
          }
        };
    // ServiceLoader names this URL in its errors, so it keeps the original's text.
    return new URL("asyncops-filtered", "", -1, "/" + original.toExternalForm(), handler);
  }
}
