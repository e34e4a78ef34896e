package io.github.asyncops.core;

import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A provider with its declaration read once, or a declaration without a provider on a node that
 * does not run the type, and the count of its operations running here.
 */
final class RegisteredType {
  final OperationType type;
  final AtomicInteger running = new AtomicInteger();

  /**
   * Counts news of queued work of this type: this node's starts, other nodes' pushed news, and
   * operations queued again. A claim is worth a round trip only when this differs from {@link
   * #drainedAt}.
   */
  final AtomicLong submitted = new AtomicLong();

  /** The value of {@link #submitted} when a claim last found fewer queued than it asked for. */
  final AtomicLong drainedAt = new AtomicLong(-1);

  /** Held by the one thread that claims this type at a time; see {@link Dispatcher}. */
  final AtomicBoolean claiming = new AtomicBoolean();

  /** Whether news came since a claim found the queue empty. */
  boolean hasNews() {
    return submitted.get() != drainedAt.get();
  }

  private final WorkerProvider<Object> provider;

  @SuppressWarnings("unchecked")
  RegisteredType(WorkerProvider<?> provider, OperationType type) {
    this.provider = (WorkerProvider<Object>) provider;
    this.type = type;
  }

  /** A type declared by a node that does not run it: it has no provider. */
  RegisteredType(OperationType type) {
    this.provider = null;
    this.type = type;
  }

  /** Whether this node has the type's provider, so it can run its operations. */
  boolean runsHere() {
    return provider != null;
  }

  /** The base name of the provider's message bundles, or null if it has none or no provider. */
  String messages() {
    return provider == null ? null : provider.messages();
  }

  /** The provider's class, whose loader or module holds its bundles; null without a provider. */
  Class<?> providerType() {
    return provider == null ? null : provider.getClass();
  }

  String providerClass() {
    return provider == null ? "a declaration" : provider.getClass().getName();
  }

  /** Checks the parameters' class and lets the provider validate them. */
  void validate(Object parameters) {
    if (parameters != null && !type.parameterType().isInstance(parameters)) {
      throw new InvalidParametersException(
          null,
          "parameters of '"
              + type.name()
              + "' must be a "
              + type.parameterType().getName()
              + ", not a "
              + parameters.getClass().getName());
    }
    if (provider != null) {
      provider.validate(parameters);
    }
  }

  Worker create(Object parameters) {
    Worker worker = provider.create(parameters);
    if (worker == null) {
      throw new IllegalStateException(providerClass() + ".create returned null");
    }
    return worker;
  }
}
