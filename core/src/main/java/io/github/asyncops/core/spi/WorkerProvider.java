package io.github.asyncops.core.spi;

import io.github.asyncops.core.InvalidParametersException;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartPolicy;
import java.time.Duration;

/**
 * Declares one operation type and creates its workers. This is the type that {@link
 * java.util.ServiceLoader} discovers: register an implementation in {@code
 * META-INF/services/io.github.asyncops.core.spi.WorkerProvider} and, in a module, with {@code
 * provides io.github.asyncops.core.spi.WorkerProvider with ...}. It can also be registered with
 * {@code OperationEngine.builder().worker(provider)}.
 *
 * <p>Implementations need a cheap public no-argument constructor (for ServiceLoader) and must be
 * thread-safe. A discovered provider receives its settings and services in {@link
 * #configure(ProviderContext)}; the engine reads the declaration methods once after that, when it
 * is built.
 *
 * @param <P> the parameter type
 */
public interface WorkerProvider<P> {

  /**
   * The type's short name, used in URLs: 1 to 64 characters of {@code a-z}, {@code 0-9} and {@code
   * -}, starting with a letter or digit. Unique within an engine.
   *
   * @return the name
   */
  String name();

  /**
   * Receives the provider's settings and the application's services. The engine calls it once, on
   * the thread that builds the engine, for every provider it discovers with {@link
   * java.util.ServiceLoader}, after {@link #name()} (which names the settings' namespace) and
   * before the other declaration methods. A provider given to {@code builder().worker(provider)} is
   * used as it is: whoever made it configured it, so this is not called.
   *
   * <p>If this throws, the engine does not start: its build fails with a {@link
   * io.github.asyncops.core.WorkerDiscoveryException} naming this provider and the problem, such as
   * the setting and value an {@link io.github.asyncops.core.InvalidSettingException} names.
   *
   * @param context the provider's settings and the registered services
   */
  default void configure(ProviderContext context) {}

  /**
   * A title for people.
   *
   * @return the title; by default the name
   */
  default String title() {
    return name();
  }

  /**
   * The base name of the resource bundles that hold this type's message patterns, such as {@code
   * com.acme.reports.Messages} for {@code com/acme/reports/Messages_en.properties} and {@code
   * Messages_ru.properties}. A worker's {@link io.github.asyncops.core.Message messages} name keys
   * in them; each viewer reads them in their language. The bundles are loaded through this
   * provider's class loader, so a plugin jar carries its own; in a named module they are read from
   * the provider's module, whose bundle package must then be open to {@code
   * io.github.asyncops.core}. Called once, when the engine is built.
   *
   * @return the base name; by default null, for a type whose workers report plain texts only
   */
  default String messages() {
    return null;
  }

  /**
   * Which operations count as the same for the start policy.
   *
   * @return the scope; by default {@link Scope#USER}, so nobody sees another's operations
   */
  default Scope scope() {
    return Scope.USER;
  }

  /**
   * What a start does while an operation in the same scope is active.
   *
   * @return the policy; by default {@link StartPolicy#JOIN}
   */
  default StartPolicy startPolicy() {
    return StartPolicy.JOIN;
  }

  /**
   * The class that parameters must be an instance of. The HTTP adapter binds a request's JSON body
   * to it.
   *
   * @return the parameter class; by default {@code Void}, for a type that takes none
   */
  @SuppressWarnings("unchecked")
  default Class<P> parameterType() {
    return (Class<P>) Void.class;
  }

  /**
   * The most operations of this type that one engine runs at once; more wait queued.
   *
   * @return at least 1; by default 4
   */
  default int maxConcurrent() {
    return 4;
  }

  /**
   * The longest a run may take. When it is exceeded the operation is asked to stop and ends {@code
   * FAILED} with the error "timed out".
   *
   * @return a positive duration, or {@link Duration#ZERO} (the default) for no limit
   */
  default Duration timeout() {
    return Duration.ZERO;
  }

  /**
   * How long a finished operation and its result are kept before they are forgotten.
   *
   * @return a non-negative duration; by default 15 minutes
   */
  default Duration retention() {
    return Duration.ofMinutes(15);
  }

  /**
   * The suggested delay between two polls of an active operation.
   *
   * @return a positive duration; by default 3 seconds, as in M3's progress bar
   */
  default Duration pollInterval() {
    return Duration.ofSeconds(3);
  }

  /**
   * How long a running operation may report nothing (no new value, text or stage) before its status
   * says it stalled. A bar then tells the person watching that it is not moving.
   *
   * @return a non-negative duration; by default 30 seconds; {@link Duration#ZERO} never stalls
   */
  default Duration stallAfter() {
    return Duration.ofSeconds(30);
  }

  /**
   * Whether an operation of this type may run again from the start when the node running it is
   * lost. A store shared by several nodes reads this from the types the engine {@linkplain
   * OperationStore#register registers}: when a node stops heartbeating, a store that supports it
   * queues the node's running operations of a restartable type again, for any node to claim,
   * instead of failing them as "node lost". The worker must then be safe to run again from the
   * start, after a run that may have done part of its work. A store that does not support it, such
   * as the in-memory default, ignores it.
   *
   * @return true to re-queue when the node is lost; by default false, which fails the operation
   */
  default boolean restartable() {
    return false;
  }

  /**
   * Checks parameters before anything is created, on the starting caller's thread, when the
   * starting node has this provider (a node that only {@linkplain
   * io.github.asyncops.core.OperationEngine.Builder#declare declares} the type checks only the
   * parameters' class).
   *
   * @param parameters the parameters, or null when the caller gave none
   * @throws InvalidParametersException naming the offending field
   */
  default void validate(P parameters) {}

  /**
   * Creates the worker for one run of an operation, on the node that claimed it, whichever node
   * started it.
   *
   * @param parameters validated parameters, or null when the caller gave none
   * @return a fresh worker
   */
  Worker create(P parameters);
}
