package io.github.asyncops.compat.quarkus;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * The adapter's feature on Quarkus REST, which finds {@code OperationsResource} through the adapter
 * jar's index and makes it a bean.
 */
@Provider
public final class AsyncOps implements Feature {
  private final OperationEngine engine;

  /**
   * Creates the feature.
   *
   * @param engine the engine to serve
   */
  @Inject
  public AsyncOps(OperationEngine engine) {
    this.engine = engine;
  }

  @Override
  public boolean configure(FeatureContext context) {
    return AsyncOpsFeature.builder(engine).build().configure(context);
  }
}
