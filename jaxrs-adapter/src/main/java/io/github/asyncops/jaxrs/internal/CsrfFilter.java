package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * Refuses a state-changing request under the base that a browser could send from another site
 * without asking: one that is a CORS "simple request". Such a request needs {@code Content-Type:
 * application/json} or an {@code X-Requested-With} header, which another origin can only send after
 * a CORS preflight that this adapter never grants.
 *
 * <p>Runs before matching, so that a refused request is a 403 whatever else is wrong with it.
 */
@PreMatching
final class CsrfFilter implements ContainerRequestFilter {
  /** The header that marks a request as sent by script. */
  static final String REQUESTED_WITH = "X-Requested-With";

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private final BasePath base;

  /**
   * Creates the filter.
   *
   * @param base the adapter's base path
   */
  CsrfFilter(BasePath base) {
    this.base = base;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (SAFE.contains(request.getMethod()) || !base.contains(request.getUriInfo().getPath())) {
      return;
    }
    MediaType type = request.getMediaType();
    boolean json =
        type != null
            && type.getType().equalsIgnoreCase("application")
            && type.getSubtype().equalsIgnoreCase("json");
    String requestedWith = request.getHeaderString(REQUESTED_WITH);
    if (json || (requestedWith != null && !requestedWith.isBlank())) {
      return;
    }
    request.abortWith(
        Problem.CROSS_SITE_REQUEST.response(Detail.of("cross-site-request", request.getMethod())));
  }
}
