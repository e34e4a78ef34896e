package io.github.asyncops.grizzly;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * Jersey on Grizzly on a free port, with {@link Hello} at {@code /api/hello} and {@link
 * GrizzlyProblems} installed as the README says.
 */
final class GrizzlyServer implements AutoCloseable {
  final HttpServer http;

  GrizzlyServer() {
    ResourceConfig application =
        new ResourceConfig(Hello.class).property(ServerProperties.WADL_FEATURE_DISABLE, true);
    http =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://localhost:0/api/"), application, false);
    GrizzlyProblems.install(http);
    try {
      http.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return http.getListeners().iterator().next().getPort();
  }

  @Override
  public void close() {
    http.shutdownNow();
  }

  /** The application's one resource. */
  @Path("hello")
  public static final class Hello {
    /** Creates the resource; Jersey does, per request. */
    public Hello() {}

    /**
     * Greets.
     *
     * @param name who to greet, or null
     * @return the greeting
     */
    @GET
    public String greet(@QueryParam("name") String name) {
      return "hello " + (name == null ? "world" : name);
    }

    /**
     * Echoes the body.
     *
     * @param body the body
     * @return the body
     */
    @POST
    public String echo(String body) {
      return body;
    }

    /**
     * Fails with an exception that no mapper handles.
     *
     * @return never
     */
    @GET
    @Path("fail")
    public String fail() {
      throw new IllegalStateException("a bug in the application");
    }
  }
}
