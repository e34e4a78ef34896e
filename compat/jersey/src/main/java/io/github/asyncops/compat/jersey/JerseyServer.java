package io.github.asyncops.compat.jersey;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.grizzly.GrizzlyProblems;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import java.io.IOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** The adapter on Jersey and Grizzly: the operations at {@code /api/operations}. */
public final class JerseyServer {
  private JerseyServer() {}

  /**
   * Starts a server.
   *
   * @param engine the engine to serve
   * @param uri where to listen, for example {@code http://localhost:8080/api/}
   * @return the started server
   * @throws IOException if the port cannot be bound
   */
  public static HttpServer start(OperationEngine engine, URI uri) throws IOException {
    AsyncOpsFeature asyncOps = AsyncOpsFeature.builder(engine).build();
    ResourceConfig api =
        new ResourceConfig()
            .register(asyncOps)
            .register(asyncOps.resourceClass())
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, api, false);
    GrizzlyProblems.install(server); // what Grizzly refuses itself, as problem+json too
    server.start();
    return server;
  }
}
