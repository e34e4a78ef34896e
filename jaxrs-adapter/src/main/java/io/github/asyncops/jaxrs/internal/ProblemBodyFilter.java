package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.annotation.Annotation;
import java.util.function.Consumer;

/**
 * Gives a problem+json body to an error under the base that the runtime answers without one and
 * without asking an exception mapper: Jersey, for example, answers a {@code Content-Type} or {@code
 * Accept} header it cannot parse with a bare 400. For a 400 the detail names the malformed header.
 */
public final class ProblemBodyFilter implements ContainerResponseFilter {
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
    if (response.getStatus() < 400
        || response.hasEntity()
        || !base.contains(request.getUriInfo().getPath())) {
      return;
    }
    String detail =
        response.getStatus() == 400
            ? malformedHeader(request)
            : response.getStatusInfo().getReasonPhrase();
    Object problem = Problem.http(response.getStatus(), detail).getEntity();
    response.setEntity(problem, new Annotation[0], Problem.MEDIA_TYPE);
  }

  /** Finds the header that the runtime could not parse by asking it to parse each in turn. */
  private static String malformedHeader(ContainerRequestContext request) {
    if (fails(request, r -> r.getMediaType())) {
      return "the Content-Type header is malformed";
    }
    if (fails(request, r -> r.getAcceptableMediaTypes())) {
      return "the Accept header is malformed";
    }
    if (fails(request, r -> r.getAcceptableLanguages())) {
      return "the Accept-Language header is malformed";
    }
    if (fails(request, r -> r.getCookies())) {
      return "the Cookie header is malformed";
    }
    if (fails(request, r -> r.getLength())) {
      return "the " + HttpHeaders.CONTENT_LENGTH + " header is malformed";
    }
    return "the request is malformed: a header could not be read";
  }

  private static boolean fails(
      ContainerRequestContext request, Consumer<ContainerRequestContext> read) {
    try {
      read.accept(request);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }
}
