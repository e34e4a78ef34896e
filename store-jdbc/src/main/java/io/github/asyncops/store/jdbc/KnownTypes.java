package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operation types the engine registered with the store: the only classes parameters decode
 * into, and which types are queued again when their node is lost. The database never names a class;
 * a type nobody registered has no parameter class and is not restartable.
 *
 * <p>Registration happens once per engine, at its start; reads happen on every thread, so the types
 * live in an immutable map that a registration replaces. A second engine on the same store may add
 * types, but may not change a registered one: that would let it widen what the first engine's
 * operations decode into.
 */
final class KnownTypes {
  /** What the store needs of one registered type. */
  private record Known(Class<?> parameterType, boolean restartable) {}

  private volatile Map<String, Known> types = Map.of();

  /**
   * Adds the types an engine runs.
   *
   * @throws IllegalArgumentException if a type is already registered with another parameter class
   *     or restartability; then none of these types is added
   */
  synchronized void register(List<OperationType> registered) {
    Map<String, Known> next = new HashMap<>(types);
    for (OperationType type : registered) {
      Known known = new Known(type.parameterType(), type.restartable());
      Known before = next.putIfAbsent(type.name(), known);
      if (before != null && !before.equals(known)) {
        throw new IllegalArgumentException(
            "operation type '"
                + type.name()
                + "' is already registered with this store as "
                + describe(before)
                + ", and cannot be registered again as "
                + describe(known));
      }
    }
    types = Map.copyOf(next);
  }

  /** The names of the registered types. */
  Set<String> names() {
    return types.keySet();
  }

  /** The class a type's parameters decode into, or null if the type is not registered. */
  Class<?> parameterType(String type) {
    Known known = types.get(type);
    return known == null ? null : known.parameterType();
  }

  /** Whether a type's operations are queued again when their node is lost. */
  boolean restartable(String type) {
    Known known = types.get(type);
    return known != null && known.restartable();
  }

  private static String describe(Known known) {
    return (known.restartable() ? "restartable" : "not restartable")
        + " with parameters of "
        + known.parameterType().getName();
  }
}
