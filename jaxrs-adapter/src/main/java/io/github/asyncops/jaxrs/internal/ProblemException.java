package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A failure whose {@code application/problem+json} response is already built. */
final class ProblemException extends WebApplicationException {
  private static final long serialVersionUID = 1L;

  /**
   * Wraps a problem response.
   *
   * @param response the response, with a {@link io.github.asyncops.jaxrs.json.ProblemJson} entity
   */
  ProblemException(Response response) {
    super(response);
  }
}
