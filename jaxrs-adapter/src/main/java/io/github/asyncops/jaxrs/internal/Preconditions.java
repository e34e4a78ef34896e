package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * Evaluates {@code If-None-Match} and {@code If-Match} with the runtime's own parser, and answers a
 * malformed one with 400 instead of the runtime's failure, which would be a logged 500.
 */
final class Preconditions {
  private Preconditions() {}

  /**
   * Evaluates the request's preconditions against a tag.
   *
   * @param request the request
   * @param tag the current entity tag
   * @return null if the request may proceed, else the response the preconditions ask for
   * @throws ProblemException 400 if a precondition header is not a list of entity tags
   */
  static Response.ResponseBuilder evaluate(Request request, EntityTag tag) {
    try {
      return request.evaluatePreconditions(tag);
    } catch (ProcessingException | IllegalArgumentException e) {
      // Jersey throws a ProcessingException naming the header; other runtimes an
      // IllegalArgumentException. Either way the client sent something that is not an entity tag.
      throw Problem.INVALID_REQUEST.exception(Detail.of("malformed-precondition"));
    }
  }
}
