package io.github.asyncops.example;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The demo's server: Jersey on Grizzly with the adapter under {@code /api}, the widget from the
 * widget-js jar under {@code /webjars}, and the page at {@code /}. Closing it shuts the HTTP server
 * down and then the engine, which stops running flights gracefully.
 */
public final class DemoServer implements AutoCloseable {
  /** How long each batch of 50 exported rows takes, so the export can be watched. */
  static final Duration EXPORT_PAUSE = Duration.ofMillis(100);

  /** How long closing waits for open HTTP requests and event streams. */
  private static final Duration HTTP_GRACE = Duration.ofSeconds(5);

  private final DemoStore store;
  private final OperationEngine engine;
  private final HttpServer server;

  private DemoServer(DemoStore store, OperationEngine engine, HttpServer server) {
    this.store = store;
    this.engine = engine;
    this.server = server;
  }

  /**
   * Builds the engine and starts serving.
   *
   * @param options the demo's options
   * @return the running server
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static DemoServer start(DemoOptions options) {
    DemoStore store = DemoStore.from(options);
    OperationEngine.Builder builder =
        OperationEngine.builder()
            .store(store.store)
            .worker(new MissileLaunch(options.flight(), options.language()))
            .worker(new CsvExport(EXPORT_PAUSE, options.language()))
            .stopGrace(Duration.ofSeconds(5))
            .runsWorkers(options.runsWorkers());
    if (options.nodeId() != null) {
      builder.nodeId(options.nodeId());
    }
    OperationEngine engine = builder.build();
    ResourceConfig api =
        new ResourceConfig()
            .register(AsyncOpsFeature.builder(engine).build())
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    HttpServer server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://localhost:" + options.port() + "/api/"), api, false);
    ServerConfiguration routes = server.getServerConfiguration();
    ClassLoader loader = DemoServer.class.getClassLoader();
    routes.addHttpHandler(new CLStaticHttpHandler(loader, "/assets/"), "/assets");
    routes.addHttpHandler(
        new CLStaticHttpHandler(loader, "/META-INF/resources/webjars/"), "/webjars");
    routes.addHttpHandler(new PageHandler(options.language()), "/");
    try {
      server.start();
    } catch (IOException e) {
      engine.close();
      store.close();
      throw new UncheckedIOException("cannot listen on port " + options.port(), e);
    }
    return new DemoServer(store, engine, server);
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
      store.close();
    }
  }
}
