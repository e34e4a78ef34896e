package io.github.asyncops.core.spi;

import io.github.asyncops.core.MissingServiceException;
import io.github.asyncops.core.SettingsSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a discovered {@link WorkerProvider} gets when the engine is built: its {@link Settings} and
 * the services the application registered with {@code OperationEngine.builder().service(type,
 * instance)}. The engine's {@link java.time.Clock} is always there, unless the application
 * registered another one.
 *
 * <p>Use it only in {@link WorkerProvider#configure}: keep what the workers need in the provider's
 * fields.
 */
public final class ProviderContext {
  private final Settings settings;
  private final Map<Class<?>, Object> services;

  private ProviderContext(Settings settings, Map<Class<?>, Object> services) {
    this.settings = settings;
    this.services = services;
  }

  /**
   * Creates a context, as the engine does for each discovered provider (and as tests may).
   *
   * @param namespace the prefix of the provider's setting keys, usually its name
   * @param settings where settings come from
   * @param services the services by type; each instance must be of its key's type
   * @return the context
   * @throws IllegalArgumentException if a service is not an instance of its type
   */
  public static ProviderContext of(
      String namespace, SettingsSource settings, Map<Class<?>, ?> services) {
    services.forEach(
        (type, service) -> {
          if (!type.isInstance(service)) {
            throw new IllegalArgumentException(
                "the service registered as " + type.getName() + " is not one");
          }
        });
    return new ProviderContext(new Settings(namespace, settings), Map.copyOf(services));
  }

  /**
   * The provider's settings.
   *
   * @return the settings under the provider's namespace
   */
  public Settings settings() {
    return settings;
  }

  /**
   * Gets a service the provider cannot work without.
   *
   * @param type the service's type, as the application registered it
   * @param <T> the type
   * @return the service
   * @throws MissingServiceException if the application did not register one
   */
  public <T> T service(Class<T> type) {
    return findService(type).orElseThrow(() -> new MissingServiceException(type));
  }

  /**
   * Gets a service the provider can do without.
   *
   * @param type the service's type, as the application registered it
   * @param <T> the type
   * @return the service, or empty if the application did not register one
   */
  public <T> Optional<T> findService(Class<T> type) {
    return Optional.ofNullable(services.get(Objects.requireNonNull(type, "type"))).map(type::cast);
  }
}
