package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.AccessPolicy;
import io.github.asyncops.jaxrs.AdminRoles;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.jersey.autoconfigure.ResourceConfigCustomizer;
import org.springframework.util.ClassUtils;

/**
 * Adds the JAX-RS adapter to Boot's Jersey application: the one place that knows how the adapter is
 * registered: the feature with its providers, and the resource class it names. The admin roles come
 * from {@code asyncops.admin.*}; with Spring Security on the class path they are also read from the
 * Authentication's authorities ({@link SpringSecurityAdmin}). SSE comes from {@code
 * jersey-media-sse}, which the starter brings.
 */
final class AdapterRegistration implements ResourceConfigCustomizer {
  private final OperationEngine engine;
  private final AsyncOpsProperties.Http http;
  private final AsyncOpsProperties.Admin admin;
  private final AccessPolicy accessPolicy;

  AdapterRegistration(
      OperationEngine engine,
      AsyncOpsProperties.Http http,
      AsyncOpsProperties.Admin admin,
      AccessPolicy policy) {
    this.engine = engine;
    this.http = http;
    this.admin = admin;
    this.accessPolicy = policy;
  }

  @Override
  public void customize(ResourceConfig config) {
    AsyncOpsFeature.Builder adapter =
        AsyncOpsFeature.builder(engine)
            .requirePrincipal(http.requirePrincipal())
            .maxWait(http.maxWait())
            .maxBodySize(http.maxBodySize());
    AccessPolicy policy = accessPolicy != null ? accessPolicy : AccessPolicy.DEFAULT;
    if (ClassUtils.isPresent(SpringSecurityAdmin.REQUIRED, getClass().getClassLoader())) {
      policy = new SpringSecurityAdmin(policy);
    }
    String readRole =
        admin.readRole() == null || admin.readRole().isBlank() ? null : admin.readRole();
    adapter.accessPolicy(policy).adminRoles(new AdminRoles(admin.role(), readRole));
    AsyncOpsFeature asyncOps = adapter.build();
    config.register(asyncOps).register(asyncOps.resourceClass());
  }
}
