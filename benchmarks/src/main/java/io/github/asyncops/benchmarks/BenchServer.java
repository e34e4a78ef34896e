package io.github.asyncops.benchmarks;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.jaxrs.AsyncOpsFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * A Jersey-on-Grizzly server for the HTTP benchmarks: the adapter under {@code /api/operations}
 * with two GLOBAL types, and a trivial resource at {@code /api/constant} that returns a constant
 * JSON body, the baseline. {@code steady} operations never report progress, so their status stays
 * the same; {@code ticker} operations report at 10 Hz with the report's {@link System#nanoTime()}
 * as the text, so a client in the same JVM can measure event latency.
 */
final class BenchServer implements AutoCloseable {
  /** The baseline's body; {@link #constant} pads it to the size of a status. */
  static volatile String constant = "{}";

  final OperationEngine engine;
  private final HttpServer server;
  private final CountDownLatch end = new CountDownLatch(1);

  BenchServer(int port) {
    engine =
        OperationEngine.builder()
            .discover(false)
            .worker(
                global(
                    "steady",
                    c -> {
                      end.await();
                      return OperationResult.none();
                    }))
            .worker(
                global(
                    "ticker",
                    c -> {
                      for (long tick = 1; !end.await(100, TimeUnit.MILLISECONDS); tick++) {
                        c.progress((tick % 100) / 100.0, Long.toString(System.nanoTime()));
                      }
                      return OperationResult.none();
                    }))
            .build();
    AsyncOpsFeature asyncOps = AsyncOpsFeature.builder(engine).build();
    ResourceConfig config =
        new ResourceConfig()
            .register(asyncOps)
            .register(asyncOps.resourceClass())
            .register(Constant.class)
            .register(
                (Feature)
                    context -> {
                      context.register(new ContextConstant());
                      context.register(new ParameterConstant());
                      return true;
                    })
            .property(ServerProperties.WADL_FEATURE_DISABLE, true);
    server =
        GrizzlyHttpServerFactory.createHttpServer(
            URI.create("http://127.0.0.1:" + port + "/api/"), config, false);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getListeners().iterator().next().getPort();
  }

  /** Starts an operation of a type and returns its status URL. */
  String start(String type) {
    String id = engine.start(StartRequest.of(type)).operation().id().value();
    return "http://127.0.0.1:" + port() + "/api/operations/" + type + "/" + id;
  }

  @Override
  public void close() {
    end.countDown();
    server.shutdownNow();
    engine.close();
  }

  private static WorkerProvider<Void> global(String name, Worker worker) {
    return new WorkerProvider<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Scope scope() {
        return Scope.GLOBAL;
      }

      @Override
      public Worker create(Void parameters) {
        return worker;
      }
    };
  }

  /** The baseline: a constant JSON body of the same size as a status. */
  @Path("constant")
  public static final class Constant {
    /**
     * Answers the constant.
     *
     * @return the body
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
      return constant;
    }
  }

  /**
   * A diagnostic: the same constant from one instance with the {@code @Context} fields that the
   * adapter's resource has, registered as the adapter registers its resource (from a feature),
   * after reading what the adapter reads of a status request: the principal, the client cookie, the
   * base URI and the {@code If-None-Match} precondition. The cost of asking JAX-RS who is calling
   * shows apart from the adapter's own work.
   */
  @Path("context-constant")
  public static final class ContextConstant {
    private static final EntityTag TAG = new EntityTag("constant");

    @Context private UriInfo uriInfo;
    @Context private HttpHeaders headers;
    @Context private SecurityContext securityContext;
    @Context private Request request;

    /**
     * Reads the request's context and answers the constant.
     *
     * @return the body, or 304
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
      return read(securityContext, headers, uriInfo, request);
    }
  }

  /** A diagnostic: as {@link ContextConstant}, with the context as method parameters. */
  @Path("parameter-constant")
  public static final class ParameterConstant {
    /**
     * Reads the request's context and answers the constant.
     *
     * @param uriInfo the request's URIs
     * @param headers the request's headers
     * @param securityContext the caller
     * @param request the request
     * @return the body, or 304
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(
        @Context UriInfo uriInfo,
        @Context HttpHeaders headers,
        @Context SecurityContext securityContext,
        @Context Request request) {
      return read(securityContext, headers, uriInfo, request);
    }
  }

  private static Response read(
      SecurityContext securityContext, HttpHeaders headers, UriInfo uriInfo, Request request) {
    if (securityContext.getUserPrincipal() == null
        && headers.getCookies().get("asyncops-client") != null
        && uriInfo.getBaseUri() != null) {
      Response.ResponseBuilder notModified = request.evaluatePreconditions(ContextConstant.TAG);
      if (notModified != null) {
        return notModified.build();
      }
    }
    return Response.ok(constant).build();
  }
}
