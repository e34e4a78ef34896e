package io.github.asyncops.core;

import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Finds and configures worker providers once, when an engine is built. Every problem is collected,
 * so one broken provider neither hides the others nor is skipped silently: the build fails listing
 * them all. A provider left out would turn its type's every request into "unknown type", and nodes
 * sharing a store must declare the same types, so a broken provider stops the engine instead of
 * being left out with a warning as SLF4J does with its bindings.
 */
final class WorkerRegistry {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private WorkerRegistry() {}

  static Map<String, RegisteredType> load(List<WorkerProvider<?>> explicit, Discovery discovery) {
    List<String> problems = new ArrayList<>();
    List<Throwable> causes = new ArrayList<>();
    List<WorkerProvider<?>> providers = new ArrayList<>(explicit);
    if (discovery != null) {
      List<WorkerProvider<?>> found = new ArrayList<>();
      discover(discovery.loader(), found, problems, causes);
      for (WorkerProvider<?> provider : found) {
        String name = provider.name();
        if (name == null || !NAME.matcher(name).matches()) {
          // Its name is no namespace; declaration() reports the name below.
          providers.add(provider);
          continue;
        }
        try {
          provider.configure(ProviderContext.of(name, discovery.settings(), discovery.services()));
          providers.add(provider);
        } catch (RuntimeException e) {
          problems.add(provider.getClass().getName() + " cannot be configured: " + e.getMessage());
          causes.add(e);
        }
      }
    }
    Map<String, RegisteredType> types = new TreeMap<>();
    for (WorkerProvider<?> provider : providers) {
      try {
        RegisteredType registered = new RegisteredType(provider, declaration(provider));
        RegisteredType clash = types.putIfAbsent(registered.type.name(), registered);
        if (clash != null) {
          problems.add(
              "duplicate operation type name '"
                  + registered.type.name()
                  + "' declared by "
                  + clash.providerClass()
                  + " and "
                  + registered.providerClass());
        }
      } catch (RuntimeException e) {
        problems.add(
            provider.getClass().getName() + " declares an invalid type: " + e.getMessage());
        causes.add(e);
      }
    }
    if (!problems.isEmpty()) {
      throw new WorkerDiscoveryException(
          "cannot start the operation engine:\n  " + String.join("\n  ", problems),
          causes.isEmpty() ? null : causes.get(0));
    }
    types
        .values()
        .forEach(
            t ->
                LOG.log(
                    Level.INFO,
                    "operation type ''{0}'' from {1}",
                    t.type.name(),
                    t.providerClass()));
    return types;
  }

  @SuppressWarnings("rawtypes")
  private static void discover(
      ClassLoader loader,
      List<WorkerProvider<?>> providers,
      List<String> problems,
      List<Throwable> causes) {
    Iterator<WorkerProvider> it = ServiceLoader.load(WorkerProvider.class, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          return;
        }
        providers.add(it.next());
      } catch (ServiceConfigurationError e) {
        String cause = e.getCause() == null ? "" : " (caused by " + e.getCause() + ")";
        problems.add("a worker provider failed to load: " + e.getMessage() + cause);
        causes.add(e);
      }
    }
  }

  private static OperationType declaration(WorkerProvider<?> p) {
    String name = p.name();
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name '"
              + name
              + "' must be 1 to 64 characters of a-z, 0-9 and '-', not starting with '-'");
    }
    if (p.maxConcurrent() < 1) {
      throw new IllegalArgumentException(
          "maxConcurrent must be at least 1, was " + p.maxConcurrent());
    }
    requireNotNegative("timeout", p.timeout());
    requireNotNegative("retention", p.retention());
    requireNotNegative("pollInterval", p.pollInterval());
    requireNotNegative("stallAfter", p.stallAfter());
    if (p.pollInterval().isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    return new OperationType(
        name,
        p.title() == null ? name : p.title(),
        require("scope", p.scope()),
        require("startPolicy", p.startPolicy()),
        require("parameterType", p.parameterType()),
        p.maxConcurrent(),
        p.timeout(),
        p.retention(),
        p.pollInterval(),
        p.restartable(),
        p.stallAfter());
  }

  private static <T> T require(String what, T value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    return value;
  }

  private static void requireNotNegative(String what, Duration value) {
    if (require(what, value).isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, was " + value);
    }
  }
}
