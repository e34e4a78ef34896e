package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gives the errors that the JAX-RS runtime raises under the adapter's base (404 for an unknown
 * path, 405, 406, 415 and the like) a problem+json body. Elsewhere in the application, and for
 * responses that already have a body or are not errors, it changes nothing.
 *
 * <p>A response filter rather than an exception mapper, because a filter is handed the request,
 * while a mapper would need an injected {@code UriInfo} field, which not every runtime fills in for
 * providers registered by a feature (Quarkus REST does not).
 */
public final class ProblemBodyFilter implements ContainerResponseFilter {
  private static final Annotation[] NO_ANNOTATIONS = {};

  private final BasePath base;

  /**
   * Creates the filter.
   *
   * @param base the adapter's base path
   */
  public ProblemBodyFilter(BasePath base) {
    this.base = base;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.hasEntity()
        || response.getStatus() < 400
        || !base.contains(request.getUriInfo().getPath())) {
      return;
    }
    Object problem = Problem.http(response.getStatus(), detail(response)).getEntity();
    response.setEntity(problem, NO_ANNOTATIONS, Problem.MEDIA_TYPE);
  }

  private static String detail(ContainerResponseContext response) {
    return switch (response.getStatus()) {
      case 404 -> "there is nothing at this path; see the API documentation";
      case 405 -> "this method is not allowed here; allowed: " + allowed(response);
      case 406 -> "this resource cannot answer in the media type that Accept asks for";
      case 415 -> "send the body as application/json";
      case 500 -> "the server failed to handle the request; its log has the details";
      default -> response.getStatusInfo().getReasonPhrase();
    };
  }

  private static String allowed(ContainerResponseContext response) {
    Set<String> methods = new TreeSet<>(response.getAllowedMethods());
    return methods.isEmpty() ? "none" : String.join(", ", methods);
  }
}
