package io.github.asyncops.core;

import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A provider with its declaration read once, and the count of its operations running here. */
final class RegisteredType {
  final OperationType type;
  final AtomicInteger running = new AtomicInteger();

  /** Counts inserts, so a dispatcher that found the queue empty can tell if it raced one. */
  final AtomicLong submitted = new AtomicLong();

  private final WorkerProvider<Object> provider;

  @SuppressWarnings("unchecked")
  RegisteredType(WorkerProvider<?> provider, OperationType type) {
    this.provider = (WorkerProvider<Object>) provider;
    this.type = type;
  }

  String providerClass() {
    return provider.getClass().getName();
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
    provider.validate(parameters);
  }

  Worker create(Object parameters) {
    Worker worker = provider.create(parameters);
    if (worker == null) {
      throw new IllegalStateException(providerClass() + ".create returned null");
    }
    return worker;
  }
}
