package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.AccessPolicy;
import io.github.asyncops.jaxrs.AdminRoles;
import jakarta.ws.rs.core.Configuration;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What {@link io.github.asyncops.jaxrs.AsyncOpsFeature} was configured with, and the two things its
 * requests share (the renderings and the waiting starts). The feature stores it as the
 * configuration property {@link #PROPERTY}, where the resource finds it.
 *
 * @param engine the engine behind every endpoint
 * @param base the base path
 * @param requirePrincipal whether anonymous callers are refused
 * @param accessPolicy who may start, see and stop
 * @param adminRoles the roles the default policy grants the admin API to
 * @param maxWait the cap on {@code Prefer: wait}
 * @param maxBodySize the largest start body, in bytes
 * @param mapper binds start parameters and writes value results
 * @param executor sends events, off the engine's threads
 * @param renderings statuses rendered once for every event stream
 * @param waitingStarts the suspended responses of starts with {@code Prefer: wait}
 * @param adminFeed the summary and progress that every admin event stream shares
 */
record AdapterConfig(
    OperationEngine engine,
    BasePath base,
    boolean requirePrincipal,
    AccessPolicy accessPolicy,
    AdminRoles adminRoles,
    Duration maxWait,
    int maxBodySize,
    ObjectMapper mapper,
    Executor executor,
    StatusRenderings renderings,
    WaitingStarts waitingStarts,
    AdminFeed adminFeed) {

  /** The configuration property that holds the configuration. */
  static final String PROPERTY = "io.github.asyncops.jaxrs.settings";

  /**
   * Finds the configuration that the feature stored.
   *
   * @param configuration the application's configuration
   * @return the adapter's configuration
   * @throws IllegalStateException if {@link io.github.asyncops.jaxrs.AsyncOpsFeature} is not
   *     registered
   */
  static AdapterConfig of(Configuration configuration) {
    AdapterConfig config = (AdapterConfig) configuration.getProperty(PROPERTY);
    if (config == null) {
      throw new IllegalStateException(
          "OperationsResource needs AsyncOpsFeature: register the feature, not only the resource");
    }
    return config;
  }
}
