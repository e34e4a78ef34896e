package io.github.asyncops.spring.boot;

import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;

/** A discovered provider that cannot even be created, as a plugin with a missing class. */
public final class BrokenProvider implements WorkerProvider<Void> {

  /** Fails, as ServiceLoader creates it. */
  public BrokenProvider() {
    throw new IllegalStateException("the broken plugin's licence file is missing");
  }

  @Override
  public String name() {
    return "broken";
  }

  @Override
  public Worker create(Void parameters) {
    throw new UnsupportedOperationException();
  }
}
