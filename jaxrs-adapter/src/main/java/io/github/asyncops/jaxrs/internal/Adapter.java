package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.AccessPolicy;
import io.github.asyncops.jaxrs.AdminRoles;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The adapter as {@link io.github.asyncops.jaxrs.AsyncOpsFeature} configured it: the one door from
 * the feature into this package, as {@link Endpoints} is the resource's. Public only because the
 * feature lives in another package; not part of the API.
 */
public final class Adapter {
  private final AdapterConfig config;
  private final Class<?> resource;

  private Adapter(AdapterConfig config, Class<?> resource) {
    this.config = config;
    this.resource = resource;
  }

  /**
   * Checks that a root resource class has a path the adapter can serve.
   *
   * @param resource the root resource class
   * @throws IllegalArgumentException if its {@code @Path} is missing or not a literal path
   */
  public static void checkResource(Class<?> resource) {
    BasePath.of(resource);
  }

  /**
   * Configures the adapter. The feature's builder has checked each value already.
   *
   * @param engine the engine whose types to serve
   * @param resource the root resource class, whose {@code @Path} is the base path
   * @param requirePrincipal whether anonymous callers are refused
   * @param accessPolicy who may start, see and stop
   * @param adminRoles the roles the default policy grants the admin API to
   * @param maxWait the cap on {@code Prefer: wait}
   * @param maxWaitingStarts the most starts suspended at once for {@code Prefer: wait}
   * @param maxBodySize the largest start body, in bytes
   * @param objectMapper binds start parameters and writes value results, or null for the default
   * @param executor sends events, or null for a pool of daemon threads
   * @return the adapter
   * @throws IllegalStateException if Jersey is on the class path without its SSE module
   */
  public static Adapter configure(
      OperationEngine engine,
      Class<?> resource,
      boolean requirePrincipal,
      AccessPolicy accessPolicy,
      AdminRoles adminRoles,
      Duration maxWait,
      int maxWaitingStarts,
      int maxBodySize,
      ObjectMapper objectMapper,
      Executor executor) {
    SseSupport.check(Adapter.class.getClassLoader());
    AdapterConfig config =
        new AdapterConfig(
            engine,
            BasePath.of(resource),
            requirePrincipal,
            accessPolicy,
            adminRoles,
            maxWait,
            maxBodySize,
            objectMapper != null ? objectMapper : parameterMapper(),
            executor != null ? executor : DeliveryThreads.create(),
            new StatusRenderings(),
            new WaitingStarts(maxWaitingStarts),
            new AdminFeed(engine.admin()));
    return new Adapter(config, resource);
  }

  /**
   * Registers the configuration and the adapter's providers: the JSON writer of the wire records,
   * the exception mapper, and the filters that act under the base path.
   *
   * @param context the application's configuration
   */
  public void register(FeatureContext context) {
    context.property(AdapterConfig.PROPERTY, config);
    context.register(new WireJsonProvider(), WireJsonProvider.PRIORITY);
    context.register(new AsyncOpsExceptionMapper());
    context.register(new MalformedRequestFilter(config.base()), MalformedRequestFilter.PRIORITY);
    context.register(new ProblemBodyFilter(config.base(), resource, config.engine()));
    context.register(new CsrfFilter(config.base()));
    context.register(new AdminGate(config), AdminGate.PRIORITY);
    context.register(new ResponseHeadersFilter(config.base(), config.engine()));
  }

  /**
   * How many starts wait suspended for {@code Prefer: wait} now.
   *
   * @return the count
   */
  public int suspendedStarts() {
    return config.waitingStarts().suspended();
  }

  private static ObjectMapper parameterMapper() {
    return WireJsonProvider.mapper()
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());
  }
}
