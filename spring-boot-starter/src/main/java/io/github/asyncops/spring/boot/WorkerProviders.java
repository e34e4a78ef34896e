package io.github.asyncops.spring.boot;

import io.github.asyncops.core.spi.WorkerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine's worker providers: every {@code WorkerProvider} bean, then, with discovery on, each
 * provider listed in {@code META-INF/services} whose class is not already a bean. The bean wins
 * because it may have injected collaborators that a no-argument instance lacks. Two different
 * classes with one name are left for the engine to refuse, naming both.
 */
final class WorkerProviders {
  private WorkerProviders() {}

  static List<WorkerProvider<?>> of(
      List<WorkerProvider<?>> beans, boolean discover, ClassLoader loader) {
    List<WorkerProvider<?>> providers = new ArrayList<>(beans);
    if (!discover) {
      return providers;
    }
    Set<Class<?>> beanClasses = beans.stream().map(Object::getClass).collect(Collectors.toSet());
    @SuppressWarnings("rawtypes")
    ServiceLoader<WorkerProvider> loaded = ServiceLoader.load(WorkerProvider.class, loader);
    for (@SuppressWarnings("rawtypes")
    ServiceLoader.Provider<WorkerProvider> found : loaded.stream().toList()) {
      try {
        if (!beanClasses.contains(found.type())) {
          providers.add(found.get());
        }
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException(
            "asyncops: a worker provider listed in META-INF/services failed to load: "
                + e.getMessage(),
            e);
      }
    }
    return providers;
  }
}
