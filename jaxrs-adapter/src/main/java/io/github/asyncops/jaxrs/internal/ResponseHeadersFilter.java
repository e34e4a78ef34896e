package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Marks every response under the base {@code Cache-Control: no-store}, since statuses change and
 * results may be private, and {@code X-Content-Type-Options: nosniff}, so that a download is never
 * read as another type than it says.
 */
final class ResponseHeadersFilter implements ContainerResponseFilter {
  private final BasePath base;

  /**
   * Creates the filter.
   *
   * @param base the adapter's base path
   */
  ResponseHeadersFilter(BasePath base) {
    this.base = base;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!base.contains(request.getUriInfo().getPath())) {
      return;
    }
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
  }
}
