package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Keeps requests under the base that the runtime cannot read from failing inside it. Before
 * matching, it answers 400 naming the header when a header that the runtime parses on its own
 * ({@code Content-Type}, {@code Accept}, {@code Accept-Language}, {@code Cookie}) is malformed:
 * Jersey would answer some with a bare 400 and others with a logged 500.
 *
 * <p>Register it with {@link #PRIORITY}, so that it runs before the other request filters, which
 * read {@code Content-Type} too.
 */
@PreMatching
final class MalformedRequestFilter implements ContainerRequestFilter {
  /** Its priority: before the adapter's other request filters. */
  static final int PRIORITY = Priorities.HEADER_DECORATOR;

  private static final Pattern QUALITY = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");

  private final BasePath base;

  /**
   * Creates the filter.
   *
   * @param base the adapter's base path
   */
  MalformedRequestFilter(BasePath base) {
    this.base = base;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!base.contains(request.getUriInfo().getPath())) {
      return;
    }
    String malformed = malformedHeader(request);
    if (malformed != null) {
      request.abortWith(Problem.INVALID_REQUEST.response(Detail.of("malformed-header", malformed)));
    }
  }

  /**
   * Finds a header that the runtime cannot parse by asking it to parse each in turn.
   *
   * @return the header's name, or null if they all parse
   */
  private static String malformedHeader(ContainerRequestContext request) {
    if (fails(request, r -> r.getMediaType()) || badQuality(request.getMediaType())) {
      return HttpHeaders.CONTENT_TYPE;
    }
    if (fails(request, r -> r.getAcceptableMediaTypes())) {
      return HttpHeaders.ACCEPT;
    }
    if (fails(request, r -> r.getAcceptableLanguages())) {
      return HttpHeaders.ACCEPT_LANGUAGE;
    }
    if (fails(request, r -> r.getCookies())) {
      return HttpHeaders.COOKIE;
    }
    return null;
  }

  /**
   * A {@code q} parameter means nothing in a {@code Content-Type}, but Jersey's matching reads it
   * as a quality value and fails with a 500 on one that is not (RFC 9110 section 12.4.2).
   */
  private static boolean badQuality(MediaType type) {
    String q = type == null ? null : type.getParameters().get("q");
    return q != null && !QUALITY.matcher(q).matches();
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
