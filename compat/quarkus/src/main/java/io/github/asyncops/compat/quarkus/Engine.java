package io.github.asyncops.compat.quarkus;

import io.github.asyncops.core.OperationEngine;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The engine as a CDI bean, closed when the application stops. */
final class Engine {
  /**
   * Builds the engine.
   *
   * @return the engine, with the workers found on the class path
   */
  @Produces
  @Singleton
  static OperationEngine engine() {
    return OperationEngine.builder().build();
  }

  static void close(@Disposes OperationEngine engine) {
    engine.close();
  }
}
