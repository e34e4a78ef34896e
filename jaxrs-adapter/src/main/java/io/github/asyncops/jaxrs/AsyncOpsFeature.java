package io.github.asyncops.jaxrs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.internal.Adapter;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Serves every operation type of an engine over HTTP. Build one per application; the application
 * lists the feature among its singletons and its {@link #resourceClass() resource class} among its
 * classes:
 *
 * <pre>{@code
 * AsyncOpsFeature asyncOps = AsyncOpsFeature.builder(engine).build();
 * ResourceConfig api = new ResourceConfig().register(asyncOps).register(asyncOps.resourceClass());
 * }</pre>
 *
 * <p>The module README shows the same for a plain {@link Application} (RESTEasy), Spring Boot and
 * Quarkus, where CDI discovers {@link OperationsResource} itself.
 *
 * <p>The feature registers providers only, as JAX-RS defines features: a JSON writer for the
 * adapter's own records, an exception mapper that answers with {@code application/problem+json},
 * and filters for CSRF, response headers and the bodies of the runtime's own errors, which act only
 * under the resource's path. Root resources reach the runtime through the {@link Application},
 * which every runtime honours; one registered by a feature is ignored by some (RESTEasy).
 *
 * <p>The event streams need the runtime's {@link jakarta.ws.rs.sse} support (for Jersey, {@code
 * jersey-media-sse}; in a servlet container, {@code async-supported}). {@link Builder#build()}
 * fails when Jersey is on the class path without it.
 */
public final class AsyncOpsFeature implements Feature {
  /** The default cap on {@code Prefer: wait}: 30 seconds. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

  /** The default cap on starts suspended by {@code Prefer: wait} at once: 1,000. */
  public static final int DEFAULT_MAX_WAITING_STARTS = 1_000;

  /** The default limit of a start body: 64 KiB. */
  public static final int DEFAULT_MAX_BODY_SIZE = 64 * 1024;

  private final Adapter adapter;
  private final Class<? extends OperationsResource> resource;

  private AsyncOpsFeature(Adapter adapter, Class<? extends OperationsResource> resource) {
    this.adapter = adapter;
    this.resource = resource;
  }

  /**
   * Starts configuring the adapter for an engine.
   *
   * @param engine the engine whose types to serve
   * @return a builder with the defaults documented on its methods
   */
  public static Builder builder(OperationEngine engine) {
    return new Builder(engine);
  }

  /** The configured adapter, for tests in this package. */
  Adapter adapter() {
    return adapter;
  }

  /**
   * Registers the adapter's providers and settings. The runtime calls it once per application.
   *
   * @param context the application's configuration
   * @return true
   */
  @Override
  public boolean configure(FeatureContext context) {
    adapter.register(context);
    return true;
  }

  /**
   * The root resource class, for the application to list in {@link Application#getClasses()} (next
   * to this feature among its singletons): {@link OperationsResource}, or the class given to {@link
   * Builder#resource(Class)}. The runtime makes one per request, as for any resource class, and the
   * resource finds this feature's settings in the application's configuration.
   *
   * @return the resource class
   */
  public Class<? extends OperationsResource> resourceClass() {
    return resource;
  }

  /** Configures and builds an {@link AsyncOpsFeature}. Not thread-safe. */
  public static final class Builder {
    private final OperationEngine engine;
    private Class<? extends OperationsResource> resource = OperationsResource.class;
    private boolean requirePrincipal;
    private AccessPolicy accessPolicy = AccessPolicy.DEFAULT;
    private AdminRoles adminRoles = AdminRoles.DEFAULT;
    private Duration maxWait = DEFAULT_MAX_WAIT;
    private int maxBodySize = DEFAULT_MAX_BODY_SIZE;
    private int maxWaitingStarts = DEFAULT_MAX_WAITING_STARTS;
    private ObjectMapper objectMapper;
    private Executor executor;

    private Builder(OperationEngine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Sets the root resource, whose {@code @Path} is the base path. Default: {@link
     * OperationsResource}, at {@code operations}.
     *
     * @param resource a subclass of {@link OperationsResource} with a literal {@code @Path} and a
     *     public constructor without parameters
     * @return this builder
     * @throws IllegalArgumentException if its {@code @Path} is missing or not a literal path, or it
     *     has no public constructor without parameters
     */
    public Builder resource(Class<? extends OperationsResource> resource) {
      Adapter.checkResource(resource);
      try {
        resource.getConstructor();
      } catch (NoSuchMethodException e) {
        throw new IllegalArgumentException(
            resource.getName() + " needs a public constructor without parameters", e);
      }
      this.resource = resource;
      return this;
    }

    /**
     * Refuses anonymous callers (403) instead of telling them apart by a cookie. Default: false.
     *
     * @param requirePrincipal whether the security context must have a principal
     * @return this builder
     */
    public Builder requirePrincipal(boolean requirePrincipal) {
      this.requirePrincipal = requirePrincipal;
      return this;
    }

    /**
     * Sets who may start, see and stop. Default: {@link AccessPolicy#DEFAULT}.
     *
     * @param accessPolicy the policy
     * @return this builder
     */
    public Builder accessPolicy(AccessPolicy accessPolicy) {
      this.accessPolicy = Objects.requireNonNull(accessPolicy, "accessPolicy");
      return this;
    }

    /**
     * Sets the roles that the default {@link AccessPolicy#adminAccess} grants the operator
     * console's API to. Default: {@link AdminRoles#DEFAULT}, {@code asyncops-admin} to write and
     * {@code asyncops-viewer} to read.
     *
     * @param adminRoles the roles
     * @return this builder
     */
    public Builder adminRoles(AdminRoles adminRoles) {
      this.adminRoles = Objects.requireNonNull(adminRoles, "adminRoles");
      return this;
    }

    /**
     * Caps how long {@code Prefer: wait=N} holds a start's response. The response is suspended
     * (JAX-RS {@code AsyncResponse}), so no request thread waits. Default: 30 seconds.
     *
     * @param maxWait not negative, used in whole seconds; zero ignores the preference
     * @return this builder
     */
    public Builder maxWait(Duration maxWait) {
      if (maxWait.isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative, was " + maxWait);
      }
      this.maxWait = maxWait;
      return this;
    }

    /**
     * Caps how many starts wait at once for {@code Prefer: wait}. A start beyond the cap answers at
     * once, as if it had not asked to wait. Default: {@value #DEFAULT_MAX_WAITING_STARTS}.
     *
     * @param starts not negative; zero ignores the preference
     * @return this builder
     */
    public Builder maxWaitingStarts(int starts) {
      if (starts < 0) {
        throw new IllegalArgumentException("maxWaitingStarts must not be negative, was " + starts);
      }
      this.maxWaitingStarts = starts;
      return this;
    }

    /**
     * Limits the size of a start's body; a larger one gets 413. Default: 64 KiB.
     *
     * @param bytes at least 2, room for {@code {}}
     * @return this builder
     */
    public Builder maxBodySize(int bytes) {
      if (bytes < 2) {
        throw new IllegalArgumentException("maxBodySize must be at least 2 bytes, was " + bytes);
      }
      this.maxBodySize = bytes;
      return this;
    }

    /**
     * Sets the mapper that binds start bodies to each type's parameter class and writes value
     * results. The adapter's own JSON (statuses, types, problems) always uses its own mapper.
     * Default: a mapper with {@code java.time} support that fails on unknown fields, on null for
     * primitives and on trailing content.
     *
     * @param objectMapper the mapper
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
      return this;
    }

    /**
     * Sets where events are sent, so the engine's threads never write to a client. Default: a
     * cached pool of daemon threads named {@code asyncops-jaxrs-N}.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the feature.
     *
     * @return the feature, to register with the JAX-RS application
     * @throws IllegalStateException if Jersey is on the class path without its SSE module, naming
     *     the dependency to add
     */
    public AsyncOpsFeature build() {
      Adapter adapter =
          Adapter.configure(
              engine,
              resource,
              requirePrincipal,
              accessPolicy,
              adminRoles,
              maxWait,
              maxWaitingStarts,
              maxBodySize,
              objectMapper,
              executor);
      return new AsyncOpsFeature(adapter, resource);
    }
  }
}
