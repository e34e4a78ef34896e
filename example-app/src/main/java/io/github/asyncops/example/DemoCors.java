package io.github.asyncops.example;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * CORS with credentials for one other origin ({@code --cors-origin}), so that a page served
 * elsewhere (a dev server on another port, say) can use the widget against the demo's API with the
 * caller's cookies, as the widget's README describes. Answers that origin's preflights itself and
 * adds the headers to every answer to it; requests from any other origin are left as they are, so
 * the browser refuses them.
 */
@PreMatching
final class DemoCors implements ContainerRequestFilter, ContainerResponseFilter {
  private static final String ORIGIN = "Origin";

  private final String origin;

  DemoCors(String origin) {
    this.origin = origin;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getMethod().equals("OPTIONS")
        && origin.equals(request.getHeaderString(ORIGIN))
        && request.getHeaderString("Access-Control-Request-Method") != null) {
      Response.ResponseBuilder preflight =
          Response.noContent()
              .header("Access-Control-Allow-Methods", "GET, HEAD, POST, DELETE")
              .header("Access-Control-Max-Age", "600");
      String headers = request.getHeaderString("Access-Control-Request-Headers");
      if (headers != null) {
        preflight.header("Access-Control-Allow-Headers", headers);
      }
      request.abortWith(preflight.build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.add("Vary", ORIGIN);
    if (origin.equals(request.getHeaderString(ORIGIN))) {
      headers.putSingle("Access-Control-Allow-Origin", origin);
      headers.putSingle("Access-Control-Allow-Credentials", "true");
      headers.putSingle(
          "Access-Control-Expose-Headers", "ETag, Retry-After, Location, Content-Disposition");
    }
  }
}
