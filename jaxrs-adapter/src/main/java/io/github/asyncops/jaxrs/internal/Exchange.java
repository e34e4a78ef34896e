package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationNotFoundException;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.jaxrs.AccessPolicy;
import io.github.asyncops.jaxrs.Caller;
import io.github.asyncops.jaxrs.json.StatusJson;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;

/**
 * One request to the adapter: its settings, its {@link Caller}, and what its responses need.
 * Everything request-scoped is read when it is made, so the methods that describe operations also
 * work on other threads, for example for the statuses an event stream sends later.
 */
public final class Exchange {
  private final Settings settings;
  private final Caller caller;
  private final NewCookie cookie;
  private final String basePath;
  private final URI applicationBase;

  private Exchange(
      Settings settings, Caller caller, NewCookie cookie, String basePath, URI applicationBase) {
    this.settings = settings;
    this.caller = caller;
    this.cookie = cookie;
    this.basePath = basePath;
    this.applicationBase = applicationBase;
  }

  /**
   * Reads a request. An anonymous caller without a valid client cookie gets a new client id, which
   * every response built by {@link #build} sets as a cookie.
   *
   * @param configuration the runtime configuration, holding the settings
   * @param uriInfo the request's URIs
   * @param headers the request's headers
   * @param security the request's security context
   * @return the exchange
   * @throws ProblemException if a principal is required and there is none
   * @throws IllegalStateException if {@link io.github.asyncops.jaxrs.AsyncOpsFeature} is not
   *     registered
   */
  public static Exchange of(
      Configuration configuration, UriInfo uriInfo, HttpHeaders headers, SecurityContext security) {
    Settings settings = (Settings) configuration.getProperty(Settings.PROPERTY);
    if (settings == null) {
      throw new IllegalStateException(
          "OperationsResource needs AsyncOpsFeature: register the feature, not only the resource");
    }
    Principal principal = security.getUserPrincipal();
    String name = principal == null ? null : principal.getName();
    NewCookie cookie = null;
    String owner;
    if (name != null && !name.isEmpty()) {
      owner = name;
    } else if (settings.requirePrincipal()) {
      throw Problem.AUTHENTICATION_REQUIRED.exception("sign in to use background operations");
    } else {
      principal = null;
      String id = ClientCookie.idOf(headers);
      if (id == null) {
        id = ClientCookie.newId();
        cookie = ClientCookie.of(id, security.isSecure());
      }
      owner = Caller.ANONYMOUS_PREFIX + id;
    }
    URI base = uriInfo.getBaseUri();
    return new Exchange(
        settings,
        new Caller(owner, principal, security),
        cookie,
        settings.base().under(base),
        base);
  }

  /**
   * The adapter's settings.
   *
   * @return the settings
   */
  public Settings settings() {
    return settings;
  }

  /**
   * The engine.
   *
   * @return the engine
   */
  public OperationEngine engine() {
    return settings.engine();
  }

  /**
   * Who makes the request.
   *
   * @return the caller
   */
  public Caller caller() {
    return caller;
  }

  /**
   * Looks up a type by the name in the path.
   *
   * @param name the name
   * @return the type
   * @throws ProblemException 404 if there is none
   */
  public OperationType type(String name) {
    return engine()
        .type(name)
        .orElseThrow(
            () -> Problem.UNKNOWN_TYPE.exception("no operation type is named '" + name + "'"));
  }

  /**
   * Finds an operation of a type that the caller may see. An id that is malformed, unknown, of
   * another type or hidden by the access policy gets the same 404, so an answer never tells that
   * someone else's operation exists.
   *
   * @param type the type in the path
   * @param id the id in the path
   * @return the operation
   * @throws ProblemException 404 if the caller cannot see such an operation
   * @throws io.github.asyncops.core.OperationGoneException if the id was forgotten
   */
  public OperationSnapshot visible(OperationType type, String id) {
    if (OperationId.isValid(id)) {
      try {
        OperationSnapshot snapshot = engine().status(OperationId.of(id));
        if (snapshot.type().equals(type.name()) && policy().maySee(caller, type, snapshot)) {
          return snapshot;
        }
      } catch (OperationNotFoundException e) {
        // answered below, exactly like an operation the caller may not see
      }
    }
    throw Problem.OPERATION_NOT_FOUND.exception(
        "no operation of type '" + type.name() + "' has the id '" + id + "'");
  }

  /**
   * Requires that the caller may start operations of a type.
   *
   * @param type the type
   * @throws ProblemException 403 if the access policy says no
   */
  public void requireMayStart(OperationType type) {
    if (!policy().mayStart(caller, type)) {
      throw Problem.FORBIDDEN.exception(
          "you may not start operations of type '" + type.name() + "'");
    }
  }

  /**
   * Requires that the caller may stop or forget an operation it can see.
   *
   * @param type the operation's type
   * @param operation the operation
   * @throws ProblemException 403 if the access policy says no
   */
  public void requireMayStop(OperationType type, OperationSnapshot operation) {
    if (!policy().mayStop(caller, type, operation)) {
      throw Problem.FORBIDDEN.exception(
          "you may not stop or forget operation '" + operation.id() + "'");
    }
  }

  /**
   * Tells whether the caller may see an operation.
   *
   * @param type the operation's type
   * @param operation the operation
   * @return what the access policy says
   */
  public boolean maySee(OperationType type, OperationSnapshot operation) {
    return policy().maySee(caller, type, operation);
  }

  /**
   * Describes an operation, with links under this request's base.
   *
   * @param snapshot the operation
   * @return its JSON form
   */
  public StatusJson json(OperationSnapshot snapshot) {
    return StatusJson.of(snapshot, basePath);
  }

  /**
   * The absolute URI of an operation's status.
   *
   * @param snapshot the operation
   * @return the URI, for a {@code Location} header
   */
  public URI location(OperationSnapshot snapshot) {
    return applicationBase.resolve(json(snapshot).links().self());
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
  public Response status(OperationSnapshot snapshot, Request request) {
    StatusRenderings.Rendered rendered = render(snapshot);
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
   * An operation's status as text and entity tag, rendered once per change for every request and
   * event stream that carries it.
   *
   * @param snapshot the operation
   * @return the rendering
   */
  public StatusRenderings.Rendered render(OperationSnapshot snapshot) {
    return settings.renderings().render(snapshot, basePath, this::json);
  }

  /**
   * Starts a response that carries an operation's status and, while active, {@code Retry-After}.
   *
   * @param status the HTTP status
   * @param snapshot the operation
   * @return the builder
   */
  public Response.ResponseBuilder withStatus(Response.Status status, OperationSnapshot snapshot) {
    return pollHint(Response.status(status).entity(json(snapshot)), snapshot);
  }

  /**
   * Finishes a response, adding the client cookie if this request was given a new client id.
   *
   * @param builder the response
   * @return the built response
   */
  public Response build(Response.ResponseBuilder builder) {
    if (cookie != null) {
      builder.cookie(cookie);
    }
    return builder.build();
  }

  /**
   * A duration in whole seconds, rounded up, at least 1: the form of {@code Retry-After}.
   *
   * @param duration the duration
   * @return the seconds
   */
  public static long seconds(Duration duration) {
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

  private AccessPolicy policy() {
    return settings.accessPolicy();
  }
}
