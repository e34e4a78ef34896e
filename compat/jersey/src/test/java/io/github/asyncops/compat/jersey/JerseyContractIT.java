package io.github.asyncops.compat.jersey;

import io.github.asyncops.compat.AdapterContract;
import io.github.asyncops.core.OperationEngine;
import java.io.IOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on Jersey 4 and Grizzly, on a free port. */
final class JerseyContractIT extends AdapterContract {
  private static OperationEngine engine;
  private static HttpServer server;

  @BeforeAll
  static void start() throws IOException {
    engine = OperationEngine.builder().build();
    server = JerseyServer.start(engine, URI.create("http://localhost:0/api/"));
  }

  @AfterAll
  static void stop() {
    server.shutdownNow();
    engine.close();
  }

  @Override
  protected URI base() {
    int port = server.getListener("grizzly").getPort();
    return URI.create("http://localhost:" + port + "/api/operations");
  }
}
