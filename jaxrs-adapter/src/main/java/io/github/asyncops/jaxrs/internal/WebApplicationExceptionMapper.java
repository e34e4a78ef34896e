package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gives the errors that the JAX-RS runtime raises under the adapter's base (404 for an unknown
 * path, 405, 406, 415 and the like) a problem+json body. Elsewhere in the application, and for
 * responses that already have a body or are not errors, it returns the exception's own response
 * unchanged, as the runtime would.
 */
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.jaxrs");

  private final BasePath base;

  @Context private UriInfo uriInfo;

  /**
   * Creates the mapper.
   *
   * @param base the adapter's base path
   */
  public WebApplicationExceptionMapper(BasePath base) {
    this.base = base;
  }

  @Override
  public Response toResponse(WebApplicationException e) {
    Response response = e.getResponse();
    if (response.hasEntity() || response.getStatus() < 400 || !base.contains(uriInfo.getPath())) {
      return response;
    }
    if (response.getStatus() >= 500) {
      LOG.log(Level.ERROR, "request under " + base + " failed", e);
    }
    Response problem = Problem.http(response.getStatus(), detail(response));
    return Response.fromResponse(response)
        .type(Problem.MEDIA_TYPE)
        .entity(problem.getEntity())
        .build();
  }

  private static String detail(Response response) {
    return switch (response.getStatus()) {
      case 404 -> "there is nothing at this path; see the API documentation";
      case 405 -> "this method is not allowed here; allowed: " + allowed(response);
      case 406 -> "this resource cannot answer in the media type that Accept asks for";
      case 415 -> "send the body as application/json";
      case 500 -> "the server failed to handle the request; its log has the details";
      default -> response.getStatusInfo().getReasonPhrase();
    };
  }

  private static String allowed(Response response) {
    Set<String> methods = new TreeSet<>(response.getAllowedMethods());
    return methods.isEmpty() ? "none" : String.join(", ", methods);
  }
}
