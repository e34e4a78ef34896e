package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gives the errors that the JAX-RS runtime raises under the adapter's base (404 for an unknown
 * path, 405, 406, 415 and the like) a problem+json body, in place of none or of the runtime's own
 * text. Elsewhere in the application, and for responses that already are problems or are not
 * errors, it changes nothing.
 *
 * <p>A 405 gets its {@code Allow} header from the resource's own routes, the same on every runtime
 * (Quarkus REST sends none); one for a method that the catch-all does not declare, at a path that
 * only the catch-all serves, is a 404, as for any other method there.
 *
 * <p>Then renders every problem of the adapter in the viewer's language ({@link ProblemLanguage}),
 * here rather than in a filter of its own, so that the body added above is rendered too whatever
 * order a runtime runs filters in.
 *
 * <p>A response filter rather than an exception mapper, because a filter is handed the request,
 * while a mapper would need an injected {@code UriInfo} field, which not every runtime fills in for
 * providers registered by a feature (Quarkus REST does not).
 */
final class ProblemBodyFilter implements ContainerResponseFilter {
  private static final Annotation[] NO_ANNOTATIONS = {};

  private final BasePath base;
  private final Routes routes;
  private final OperationEngine engine;

  /**
   * Creates the filter.
   *
   * @param base the adapter's base path
   * @param resource the root resource class, whose routes a 405 names
   * @param engine the engine, whose language serves viewers who ask for none the bundles have
   */
  ProblemBodyFilter(BasePath base, Class<?> resource, OperationEngine engine) {
    this.base = base;
    this.routes = Routes.of(resource);
    this.engine = engine;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    addBody(request, response);
    ProblemLanguage.render(engine, request, response);
  }

  private void addBody(ContainerRequestContext request, ContainerResponseContext response) {
    String below = base.below(request.getUriInfo().getPath());
    if (response.getStatus() < 400 || below == null || isProblem(response)) {
      return;
    }
    Detail detail;
    if (response.getStatus() == 405 && UnknownPath.TEMPLATE.equals(routes.template(below))) {
      response.setStatus(404);
      response.getHeaders().remove(HttpHeaders.ALLOW);
      detail = UnknownPath.DETAIL;
    } else if (response.getStatus() == 405) {
      Set<String> allowed = routes.allowed(below);
      if (allowed.isEmpty()) {
        allowed = new TreeSet<>(response.getAllowedMethods());
      }
      response.getHeaders().putSingle(HttpHeaders.ALLOW, String.join(", ", allowed));
      detail = Detail.of("method-not-allowed", String.join(", ", allowed));
    } else {
      detail = detail(response);
    }
    Object problem = Problem.http(response.getStatus(), detail).getEntity();
    response.setEntity(problem, NO_ANNOTATIONS, Problem.MEDIA_TYPE);
  }

  /**
   * Whether the response already is a problem. A runtime's own error body is not: RESTEasy answers
   * an {@code Accept} it cannot parse with a {@code text/plain} body that names its message code.
   */
  private static boolean isProblem(ContainerResponseContext response) {
    MediaType type = response.getMediaType();
    return response.hasEntity() && type != null && Problem.MEDIA_TYPE.isCompatible(type);
  }

  private static Detail detail(ContainerResponseContext response) {
    return switch (response.getStatus()) {
      case 404 -> UnknownPath.DETAIL;
      case 406 -> Detail.of("not-acceptable");
      case 415 -> Detail.of("unsupported-media-type");
      case 500 -> Detail.of("internal");
      default -> Detail.verbatim(response.getStatusInfo().getReasonPhrase());
    };
  }
}
