package io.github.asyncops.example;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.grizzly.GrizzlyProblems;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import jakarta.ws.rs.Priorities;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The demo's server: Jersey on Grizzly with the adapter under {@code /api}, the widget from the
 * widget-js jar under {@code /webjars}, Prometheus metrics at {@code /metrics}, the engine's health
 * at {@code /health}, the operator console at {@code /admin} behind a login ({@link AdminPage},
 * {@link AdminSecurity}), and the page at {@code /}. What Grizzly refuses itself is a problem too
 * ({@link GrizzlyProblems}). A node that runs workers gets its operation types from the worker
 * plugins that the engine discovers, on the class path and in {@code --plugins}, and names none of
 * them; a web node ({@code --workers off}) declares them instead ({@link WebNodeTypes}) and
 * discovers nothing, so it needs no plugin jar. Closing it shuts the HTTP server down and then the
 * engine, which stops running flights gracefully.
 */
public final class DemoServer implements AutoCloseable {
  /** How long closing waits for open HTTP requests and event streams. */
  private static final Duration HTTP_GRACE = Duration.ofSeconds(5);

  private final DemoStore store;
  private final Plugins plugins;
  private final OperationEngine engine;
  private final HttpServer server;
  private final AdminSessions admin;

  private DemoServer(
      DemoStore store,
      Plugins plugins,
      OperationEngine engine,
      HttpServer server,
      AdminSessions admin) {
    this.store = store;
    this.plugins = plugins;
    this.engine = engine;
    this.server = server;
    this.admin = admin;
  }

  /**
   * Builds the engine and starts serving.
   *
   * @param options the demo's options
   * @return the running server
   * @throws UncheckedIOException if the port cannot be bound
   * @throws io.github.asyncops.core.WorkerDiscoveryException if a plugin cannot be loaded or
   *     configured
   */
  public static DemoServer start(DemoOptions options) {
    DemoStore store = DemoStore.from(options);
    MetricsHandler metrics = new MetricsHandler();
    Plugins plugins = Plugins.open(options.plugins());
    OperationEngine engine;
    try {
      engine = engine(options, store, plugins, metrics);
    } catch (RuntimeException e) {
      plugins.close();
      store.close();
      throw e;
    }
    metrics.engineMetrics.bind(engine);
    AsyncOpsFeature asyncOps = AsyncOpsFeature.builder(engine).build();
    AdminSessions admin = AdminSessions.of(options.adminPassword());
    ResourceConfig api =
        new ResourceConfig()
            .register(new AdminSecurity(admin), Priorities.AUTHENTICATION)
            .register(asyncOps)
            .register(asyncOps.resourceClass())
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    if (options.corsOrigin() != null) {
      api.register(new DemoCors(options.corsOrigin()));
    }
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://localhost:" + options.port() + "/api/"), api, false);
    GrizzlyProblems.install(server);
    ServerConfiguration routes = server.getServerConfiguration();
    ClassLoader loader = DemoServer.class.getClassLoader();
    routes.addHttpHandler(new CLStaticHttpHandler(loader, "/assets/"), "/assets");
    routes.addHttpHandler(new WebJarHandler(loader), "/webjars");
    routes.addHttpHandler(metrics, "/metrics");
    routes.addHttpHandler(new HealthHandler(engine), "/health");
    routes.addHttpHandler(new AdminPage(options.language(), admin), "/admin");
    routes.addHttpHandler(new PageHandler(options.language(), engine.types()), "/");
    try {
      server.start();
    } catch (IOException e) {
      engine.close();
      plugins.close();
      store.close();
      throw new UncheckedIOException("cannot listen on port " + options.port(), e);
    }
    return new DemoServer(store, plugins, engine, server, admin);
  }

  private static OperationEngine engine(
      DemoOptions options, DemoStore store, Plugins plugins, MetricsHandler metrics) {
    OperationEngine.Builder builder =
        OperationEngine.builder()
            .store(metrics.engineMetrics.monitor(store.store))
            .listener(metrics.engineMetrics)
            .stopGrace(Duration.ofSeconds(5))
            .locale(options.language().locale())
            .runsWorkers(options.runsWorkers());
    if (options.runsWorkers()) {
      builder.classLoader(plugins.loader()).settings(DemoSettings.of(options));
    } else {
      // A web node loads no worker class, even where the plugins are on its class path (the demo
      // jar carries them for worker nodes): it declares the types that worker nodes run.
      builder.discover(false);
      WebNodeTypes.of(options.language()).forEach(builder::declare);
    }
    if (options.nodeId() != null) {
      builder.nodeId(options.nodeId());
    }
    return builder.build();
  }

  /** Adds a handler next to the demo's own; tests serve their pages from the demo's origin. */
  void serve(HttpHandler handler, String path) {
    server.getServerConfiguration().addHttpHandler(handler, path);
  }

  /**
   * The operator console's password when the demo drew it at start-up, to print.
   *
   * @return the password, or null when {@code --admin-password} gave one
   */
  public String generatedAdminPassword() {
    return admin.generatedPassword();
  }

  /**
   * The port the server listens on.
   *
   * @return the bound port
   */
  public int port() {
    return server.getListeners().iterator().next().getPort();
  }

  /**
   * Stops accepting requests and waits briefly for open ones, then closes the engine (which stops
   * running operations) and the store. The engine closes last so that no request sees an operation
   * stopped by the shutdown.
   */
  @Override
  public void close() {
    try {
      server.shutdown(HTTP_GRACE.toMillis(), TimeUnit.MILLISECONDS).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    } catch (ExecutionException e) {
      server.shutdownNow();
    } finally {
      engine.close();
      plugins.close();
      store.close();
    }
  }
}
