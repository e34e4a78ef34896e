package io.github.asyncops.jaxrs;

import io.github.asyncops.grizzly.GrizzlyProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * A real Grizzly server on a free port that serves an application under {@code /api}, as the demo
 * does: the adapter answers at {@code /api/operations}. Grizzly's own errors are problems too,
 * through {@link GrizzlyProblems} from {@code asyncops-grizzly}, as the README tells users.
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
    this(application, onClose, 0);
  }

  /**
   * Starts a server with a fixed number of worker threads.
   *
   * @param application what to serve
   * @param onClose runs after the server stops, for example to close the engine
   * @param workerThreads the size of Grizzly's worker pool, or 0 for its default
   */
  Server(ResourceConfig application, Runnable onClose, int workerThreads) {
    this.onClose = onClose;
    this.http =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://localhost:0/api/"), application, false);
    if (workerThreads > 0) {
      http.getListener("grizzly")
          .getTransport()
          .setWorkerThreadPoolConfig(
              ThreadPoolConfig.defaultConfig()
                  .setCorePoolSize(workerThreads)
                  .setMaxPoolSize(workerThreads));
    }
    GrizzlyProblems.install(http);
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
