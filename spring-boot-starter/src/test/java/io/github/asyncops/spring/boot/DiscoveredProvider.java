package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;

/** A provider found only through {@code META-INF/services}, never a bean. */
public final class DiscoveredProvider implements WorkerProvider<Void> {
  @Override
  public String name() {
    return "discovered";
  }

  @Override
  public Class<Void> parameterType() {
    return Void.class;
  }

  @Override
  public Worker create(Void parameters) {
    return context -> OperationResult.none();
  }
}
