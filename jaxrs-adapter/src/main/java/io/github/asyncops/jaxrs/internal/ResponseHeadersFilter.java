package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Marks every response under the base {@code Cache-Control: no-store}, since statuses change and
 * results may be private, and {@code X-Content-Type-Options: nosniff}, so that a download is never
 * read as another type than it says. An event stream also says which language its events' texts are
 * in, as a status does ({@link Responses#build}): a stream's headers leave through the sink, which
 * no resource method can add to, so this filter names the language the stream's {@link StatusViews}
 * chose.
 */
final class ResponseHeadersFilter implements ContainerResponseFilter {
  private final BasePath base;
  private final OperationEngine engine;

  /**
   * Creates the filter.
   *
   * @param base the adapter's base path
   * @param engine the engine, which knows the languages of the texts
   */
  ResponseHeadersFilter(BasePath base, OperationEngine engine) {
    this.base = base;
    this.engine = engine;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String below = base.below(request.getUriInfo().getPath());
    if (below == null) {
      return;
    }
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    if (response.getStatus() == 200
        && below.endsWith("events")
        && response.getHeaderString(HttpHeaders.CONTENT_LANGUAGE) == null) {
      engine
          .textLanguage(ViewerLocale.preferred(request))
          .ifPresent(language -> ViewerLocale.name(response, language));
    }
  }
}
