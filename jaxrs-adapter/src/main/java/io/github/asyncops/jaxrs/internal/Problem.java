package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.jaxrs.json.StatusJson;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The kinds of problem the adapter reports, each with its status, type URI and title. Plain HTTP
 * errors that carry no more meaning than their status use {@code about:blank} (see {@link
 * #http(int, Detail)}). Titles and details are rendered in the viewer's language on the way out
 * ({@link ProblemTexts}); the English title here is the one used when no bundle has it.
 */
enum Problem {
  /** No operation type has the name in the path. */
  UNKNOWN_TYPE(404, "unknown-type", "Unknown operation type"),
  /** The id does not exist, is of another type, or the caller may not see it. */
  OPERATION_NOT_FOUND(404, "operation-not-found", "Operation not found"),
  /** The operation ended and was forgotten after its retention. */
  OPERATION_GONE(410, "operation-gone", "Operation gone"),
  /** A start was refused by the REJECT policy: one is active in the same scope. */
  OPERATION_CONFLICT(409, "operation-conflict", "Operation already active"),
  /** The request needs an active operation: an admin stop of one that ended. */
  OPERATION_ENDED(409, "operation-ended", "Operation already ended"),
  /** The request needs an ended operation. */
  OPERATION_ACTIVE(409, "operation-active", "Operation still active"),
  /** The ended operation produced no result. */
  NO_RESULT(404, "no-result", "No result"),
  /** The engine's queue is full. */
  CAPACITY_EXCEEDED(429, "capacity-exceeded", "Too many operations"),
  /** The body does not bind to the type's parameters, or they fail validation. */
  INVALID_PARAMETERS(400, "invalid-parameters", "Invalid parameters"),
  /** The body is not JSON. */
  MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
  /** A query parameter or header has a value the adapter cannot use. */
  INVALID_REQUEST(400, "invalid-request", "Invalid request"),
  /** The body exceeds the configured limit. */
  BODY_TOO_LARGE(413, "body-too-large", "Request body too large"),
  /** A state-changing request could have been sent by another site. */
  CROSS_SITE_REQUEST(403, "cross-site-request", "Cross-site request refused"),
  /** The access policy refuses the request. */
  FORBIDDEN(403, "forbidden", "Forbidden"),
  /** The adapter requires a principal and the request has none. */
  AUTHENTICATION_REQUIRED(403, "authentication-required", "Authentication required"),
  /** An Idempotency-Key was reused for a different request. */
  IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused"),
  /** The engine is shutting down. */
  ENGINE_CLOSED(503, "engine-closed", "Shutting down"),
  /** The operation store cannot be reached, for example during a database outage. */
  STORE_UNAVAILABLE(503, "store-unavailable", "Store unavailable"),
  /** Something failed that should not have; the server log has the details. */
  INTERNAL(500, null, "Internal Server Error");

  /** The media type of every problem. */
  static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

  /** Where the type URIs of asyncops problems start. */
  static final String TYPE_BASE = "https://asyncops.github.io/problems/";

  private static final URI ABOUT_BLANK = URI.create("about:blank");

  private final int status;
  private final URI type;
  private final String titleKey;
  private final String title;

  Problem(int status, String slug, String title) {
    this.status = status;
    this.type = URI.create(slug == null ? "about:blank" : TYPE_BASE + slug);
    this.titleKey = slug == null ? "internal" : slug;
    this.title = title;
  }

  /**
   * The HTTP status.
   *
   * @return the status code
   */
  int status() {
    return status;
  }

  /**
   * Builds the problem.
   *
   * @param detail what went wrong this time, safe to show people
   * @return the problem+json response
   */
  Response response(Detail detail) {
    return response(detail, null, null);
  }

  /**
   * Builds the problem with its extension members.
   *
   * @param detail what went wrong this time, safe to show people
   * @param field the offending field, or null
   * @param operation the operation in the way, or null
   * @return the problem+json response
   */
  Response response(Detail detail, String field, StatusJson operation) {
    return build(new PendingProblem(type, titleKey, title, status, detail, field, operation));
  }

  /**
   * Builds the problem as an exception to throw.
   *
   * @param detail what went wrong this time, safe to show people
   * @return the exception
   */
  ProblemException exception(Detail detail) {
    return new ProblemException(response(detail));
  }

  /**
   * Builds a plain HTTP problem: type {@code about:blank}, the status's reason phrase as title.
   *
   * @param status the status code
   * @param detail what went wrong this time
   * @return the problem+json response
   */
  static Response http(int status, Detail detail) {
    Response.StatusType known = Response.Status.fromStatusCode(status);
    String title = known == null ? "HTTP " + status : known.getReasonPhrase();
    return build(
        new PendingProblem(ABOUT_BLANK, "http." + status, title, status, detail, null, null));
  }

  /**
   * The problem's response, with the headers of every response under the base set here too: a
   * runtime may skip response filters for a method's error (Quarkus REST does for an SSE method).
   */
  private static Response build(PendingProblem problem) {
    return Response.status(problem.status())
        .type(MEDIA_TYPE)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .entity(problem)
        .build();
  }
}
