package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationSnapshot;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Builds one request's responses: each sets the client cookie when the request was given a new
 * client id, a status carries {@code Retry-After} while the operation is active, and a status poll
 * answers {@code If-None-Match} with 304.
 */
final class Responses {
  private final StatusViews views;
  private final NewCookie newCookie;

  /**
   * Creates the responses of a request.
   *
   * @param views describes operations for this request
   * @param newCookie the cookie to set on every response, or null
   */
  Responses(StatusViews views, NewCookie newCookie) {
    this.views = views;
    this.newCookie = newCookie;
  }

  /**
   * Answers a status poll: 200 with the status, or 304 if {@code If-None-Match} has its tag; either
   * way with its {@code ETag} and, while active, {@code Retry-After}.
   *
   * @param snapshot the operation
   * @param request the request, for its preconditions
   * @return the response
   * @throws ProblemException 400 if {@code If-None-Match} or {@code If-Match} is malformed
   */
  Response status(OperationSnapshot snapshot, Request request) {
    StatusRenderings.Rendered rendered = views.render(snapshot);
    Response.ResponseBuilder notModified = Preconditions.evaluate(request, rendered.entityTag());
    Response.ResponseBuilder builder =
        notModified != null
            ? notModified
            : Response.ok(rendered.json(), MediaType.APPLICATION_JSON_TYPE);
    // The tag as text, rendered once, replacing any the precondition check set: an EntityTag
    // would be formatted again for every response.
    builder.header(HttpHeaders.ETAG, null).header(HttpHeaders.ETAG, rendered.etagHeader());
    return build(pollHint(builder, snapshot));
  }

  /**
   * Starts a response that carries an operation's status and, while active, {@code Retry-After}.
   *
   * @param status the HTTP status
   * @param snapshot the operation
   * @return the builder
   */
  Response.ResponseBuilder withStatus(Response.Status status, OperationSnapshot snapshot) {
    return pollHint(Response.status(status).entity(views.json(snapshot)), snapshot);
  }

  /**
   * Finishes a response, adding the client cookie if this request was given a new client id, and
   * saying which language its texts are in: {@code Content-Language}, and {@code Vary:
   * Accept-Language} so that caches keep one copy per language. When the engine knows no language
   * for its texts (plain strings, no default locale set), it sends neither: naming one would be a
   * guess, and the body is then the same whatever {@code Accept-Language} says.
   *
   * @param builder the response
   * @return the built response
   */
  Response build(Response.ResponseBuilder builder) {
    if (newCookie != null) {
      builder.cookie(newCookie);
    }
    String language = views.language();
    if (language != null) {
      builder
          .header(HttpHeaders.CONTENT_LANGUAGE, language)
          .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
    return builder.build();
  }

  /**
   * A duration in whole seconds, rounded up, at least 1: the form of {@code Retry-After}.
   *
   * @param duration the duration
   * @return the seconds
   */
  static long seconds(Duration duration) {
    long millis = duration.toMillis();
    return Math.max(1, (millis + 999) / 1000);
  }

  private static Response.ResponseBuilder pollHint(
      Response.ResponseBuilder builder, OperationSnapshot snapshot) {
    if (snapshot.pollAfter() != null) {
      // Text rather than a number, which the runtime would look up a header delegate for.
      builder.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds(snapshot.pollAfter())));
    }
    return builder;
  }
}
