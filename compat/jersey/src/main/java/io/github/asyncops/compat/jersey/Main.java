package io.github.asyncops.compat.jersey;

import io.github.asyncops.core.OperationEngine;
import java.io.IOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;

/**
 * Serves the operations at {@code http://localhost:PORT/api/operations} until it is killed, with the
 * contract's test-only admin that {@link FixtureAdminDiscovery} adds.
 */
public final class Main {
  private Main() {}

  /**
   * Starts the server.
   *
   * @param args the port
   * @throws IOException if the port cannot be bound
   * @throws InterruptedException never: the main thread waits until the JVM stops
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    OperationEngine engine = OperationEngine.builder().build();
    HttpServer server =
        JerseyServer.start(engine, URI.create("http://localhost:" + args[0] + "/api/"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdownNow();
                  engine.close();
                }));
    Thread.currentThread().join();
  }
}
