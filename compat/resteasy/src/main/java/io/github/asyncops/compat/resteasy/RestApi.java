package io.github.asyncops.compat.resteasy;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** A plain JAX-RS application with the operations at {@code /api/operations}. */
@ApplicationPath("api")
public final class RestApi extends Application {
  private final AsyncOpsFeature asyncOps;

  /**
   * Creates the application.
   *
   * @param engine the engine to serve
   */
  public RestApi(OperationEngine engine) {
    this.asyncOps = AsyncOpsFeature.builder(engine).build();
  }

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(asyncOps.resourceClass());
  }

  @Override
  @SuppressWarnings("deprecation") // the portable way to hand the runtime a configured feature
  public Set<Object> getSingletons() {
    return Set.of(asyncOps);
  }
}
