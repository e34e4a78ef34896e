package io.github.asyncops.spring.boot;

import io.github.asyncops.core.spi.WorkerProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The test class path, except that its {@code META-INF/services} list of {@link WorkerProvider}
 * names only the given classes, so each test chooses what discovery finds.
 */
final class ProviderListClassLoader extends ClassLoader {
  private final URL list;

  ProviderListClassLoader(Path directory, Class<?>... providers) {
    super(ProviderListClassLoader.class.getClassLoader());
    Path file = directory.resolve("providers.list");
    try {
      Files.writeString(
          file,
          Arrays.stream(providers).map(Class::getName).collect(Collectors.joining("\n", "", "\n")),
          StandardCharsets.UTF_8);
      list = file.toUri().toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (name.equals("META-INF/services/" + WorkerProvider.class.getName())) {
      return Collections.enumeration(List.of(list));
    }
    return super.getResources(name);
  }
}
