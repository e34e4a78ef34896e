package io.github.asyncops.jaxrs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A real Grizzly server on a free port that serves an application under {@code /api}, as the demo
 * does: the adapter answers at {@code /api/operations}. Grizzly's own errors are problems too
 * ({@link GrizzlyProblems}).
 */
final class Server implements AutoCloseable {
  final URI base;
  private final HttpServer http;
  private final Runnable onClose;

  /**
   * Starts a server.
   *
   * @param application what to serve
   * @param onClose runs after the server stops, for example to close the engine
   */
  Server(ResourceConfig application, Runnable onClose) {
    this.onClose = onClose;
    this.http =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://localhost:0/api/"), application, false);
    GrizzlyProblems.register(http);
    try {
      http.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int port = http.getListener("grizzly").getPort();
    this.base = URI.create("http://localhost:" + port + "/api/");
  }

  /** A URI under the application, such as {@code operations/missile-launch}. */
  URI uri(String path) {
    return base.resolve(path);
  }

  @Override
  public void close() {
    http.shutdownNow();
    onClose.run();
  }
}
