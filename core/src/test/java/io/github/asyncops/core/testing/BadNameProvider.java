package io.github.asyncops.core.testing;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;

/** A discoverable provider whose name cannot be used in URLs or as a settings namespace. */
public final class BadNameProvider implements WorkerProvider<Void> {

  /** Creates the provider, as ServiceLoader does. */
  public BadNameProvider() {}

  @Override
  public String name() {
    return "Bad Name";
  }

  @Override
  public Worker create(Void parameters) {
    return context -> OperationResult.none();
  }
}
