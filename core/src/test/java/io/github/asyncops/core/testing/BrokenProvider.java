package io.github.asyncops.core.testing;

import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;

/** A provider whose constructor fails, as one whose dependency is missing would. */
public final class BrokenProvider implements WorkerProvider<Void> {

  /** Always throws. */
  public BrokenProvider() {
    throw new IllegalStateException("the export database is not configured");
  }

  @Override
  public String name() {
    return "broken";
  }

  @Override
  public Worker create(Void parameters) {
    throw new AssertionError("never constructed");
  }
}
