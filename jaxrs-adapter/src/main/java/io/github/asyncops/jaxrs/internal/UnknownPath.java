package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.core.Response;

/**
 * The resource's catch-all: a path under the base that no other resource method serves gets a 404
 * problem from the adapter itself, on every runtime, rather than whatever the runtime answers for a
 * path that matches nothing (Quarkus REST leaves it to Vert.x, which answers with an HTML page).
 *
 * <p>The template must match no path that a real route serves. By the JAX-RS matching rules
 * (section 3.7.2: most literal characters first, then most template variables, then most variables
 * with a regular expression) the real route would win anyway where it has more literal characters,
 * but Jersey goes on to the next matching template when the best one has no method for the request,
 * so that a {@code GET} of {@code .../stop} would reach the catch-all instead of answering 405. So
 * its second variable spans at least two segments, with something after the last slash, which
 * {@code {type}/{id}} never matches, and is never an id followed by {@code stop}, {@code result} or
 * {@code events}. Every path of one or two segments is a real route's. {@code RoutesTest} checks
 * the template against the resource's routes.
 */
final class UnknownPath {
  /** The catch-all's template, below the base. */
  static final String TEMPLATE = "{type}/{rest: (?![^/]+/(?:stop|result|events)/?$).*/.+}";

  /** The detail of a 404 under the base. */
  static final Detail DETAIL = Detail.of("unknown-path");

  private UnknownPath() {}

  /**
   * The answer to every method at an unknown path.
   *
   * @return a 404 problem
   */
  static Response response() {
    return Problem.http(404, DETAIL);
  }
}
