package io.github.asyncops.core;

import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds and configures worker providers once, when an engine is built. Every problem is collected,
 * so one broken provider neither hides the others nor is skipped silently: the build fails listing
 * them all. A provider left out would turn its type's every request into "unknown type", and nodes
 * sharing a store must declare the same types, so a broken provider stops the engine instead of
 * being left out with a warning as SLF4J does with its bindings.
 */
final class WorkerRegistry {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  private WorkerRegistry() {}

  static Map<String, RegisteredType> load(
      List<WorkerProvider<?>> explicit, List<OperationType> declared, Discovery discovery) {
    List<String> problems = new ArrayList<>();
    List<Throwable> causes = new ArrayList<>();
    List<WorkerProvider<?>> providers = new ArrayList<>(explicit);
    if (discovery != null) {
      List<WorkerProvider<?>> found = new ArrayList<>();
      discover(discovery.loader(), found, problems, causes);
      for (WorkerProvider<?> provider : found) {
        String name = provider.name();
        if (!OperationType.validName(name)) {
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
        add(types, new RegisteredType(provider, declaration(provider)), problems);
      } catch (RuntimeException e) {
        problems.add(
            provider.getClass().getName() + " declares an invalid type: " + e.getMessage());
        causes.add(e);
      }
    }
    declared.forEach(type -> add(types, new RegisteredType(type), problems));
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

  private static void add(
      Map<String, RegisteredType> types, RegisteredType registered, List<String> problems) {
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
    return new OperationType(
        p.name(),
        p.title() == null ? p.name() : p.title(),
        p.scope(),
        p.startPolicy(),
        p.parameterType(),
        p.maxConcurrent(),
        p.timeout(),
        p.retention(),
        p.pollInterval(),
        p.restartable(),
        p.stallAfter());
  }
}
