package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.AccessPolicy;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.jersey.autoconfigure.ResourceConfigCustomizer;

/**
 * Adds the JAX-RS adapter to Boot's Jersey application: the one place that knows how the adapter is
 * registered: the feature with its providers, and the resource class it names. SSE comes from
 * {@code jersey-media-sse}, which the starter brings.
 */
final class AdapterRegistration implements ResourceConfigCustomizer {
  private final OperationEngine engine;
  private final AsyncOpsProperties.Http http;
  private final AccessPolicy accessPolicy;

  AdapterRegistration(OperationEngine engine, AsyncOpsProperties.Http http, AccessPolicy policy) {
    this.engine = engine;
    this.http = http;
    this.accessPolicy = policy;
  }

  @Override
  public void customize(ResourceConfig config) {
    AsyncOpsFeature.Builder adapter =
        AsyncOpsFeature.builder(engine)
            .requirePrincipal(http.requirePrincipal())
            .maxWait(http.maxWait())
            .maxBodySize(http.maxBodySize());
    if (accessPolicy != null) {
      adapter.accessPolicy(accessPolicy);
    }
    AsyncOpsFeature asyncOps = adapter.build();
    config.register(asyncOps).register(asyncOps.resourceClass());
  }
}
