package io.github.asyncops.compat.modules;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;

/** A worker that a module provides, for discovery through {@code provides ... with}. */
public final class Greeting implements WorkerProvider<Void> {
  /** Creates the type; {@link java.util.ServiceLoader} does. */
  public Greeting() {}

  @Override
  public String name() {
    return "greeting";
  }

  @Override
  public Worker create(Void parameters) {
    return context -> OperationResult.of("hello");
  }
}
