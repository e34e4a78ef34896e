package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.jaxrs.Caller;
import io.github.asyncops.jaxrs.json.TypeJson;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.InputStream;
import java.util.List;
import java.util.function.Supplier;

/**
 * What each method of {@link io.github.asyncops.jaxrs.OperationsResource} does: the one door from
 * the resource into this package, as {@link Adapter} is the feature's. Public only because the
 * resource lives in another package; not part of the API. The resource's javadoc documents each
 * endpoint.
 *
 * <p>One instance per request. The request is read ({@link Exchange}) inside each method, so that a
 * failure to read it (a required principal that is missing) is answered like any other, and every
 * failure passes through {@link Guard}.
 */
public final class Endpoints {
  /** The template of the catch-all for unknown paths below the base. */
  public static final String UNKNOWN_PATH = UnknownPath.TEMPLATE;

  private final Configuration configuration;
  private final UriInfo uriInfo;
  private final HttpHeaders headers;
  private final SecurityContext security;
  private final Request request;

  private Endpoints(
      Configuration configuration,
      UriInfo uriInfo,
      HttpHeaders headers,
      SecurityContext security,
      Request request) {
    this.configuration = configuration;
    this.uriInfo = uriInfo;
    this.headers = headers;
    this.security = security;
    this.request = request;
  }

  /**
   * Serves one request.
   *
   * @param configuration the application's configuration, holding the adapter's
   * @param uriInfo the request's URIs
   * @param headers the request's headers
   * @param security the request's security context
   * @param request the request, for its preconditions
   * @return the endpoints for this request
   */
  public static Endpoints of(
      Configuration configuration,
      UriInfo uriInfo,
      HttpHeaders headers,
      SecurityContext security,
      Request request) {
    return new Endpoints(configuration, uriInfo, headers, security, request);
  }

  /**
   * The registered operation types.
   *
   * @return 200 with a JSON array of types
   */
  public Response types() {
    return guard(
        () -> {
          Exchange exchange = exchange();
          TypeJson[] types =
              exchange.engine().types().stream().map(TypeJson::of).toArray(TypeJson[]::new);
          return exchange.responses().build(Response.ok(types));
        });
  }

  /**
   * The OpenAPI document.
   *
   * @return 200 with the document
   */
  public Response openApi() {
    return guard(
        () -> {
          AdapterConfig config = AdapterConfig.of(configuration);
          return OpenApiDocument.response(config, uriInfo, mayReadAdmin(config));
        });
  }

  /**
   * The caller's visible operations of a type.
   *
   * @param type the type's name
   * @param active the {@code active} query parameter, or null
   * @param key the {@code key} query parameter, or null
   * @param limit the {@code limit} query parameter, or null
   * @return 200 with a JSON array of statuses
   */
  public Response list(String type, String active, String key, String limit) {
    return guard(() -> Lists.of(exchange(), type, active, key, limit));
  }

  /**
   * Starts an operation or joins the active one, and resumes the response.
   *
   * @param type the type's name
   * @param key the {@code key} query parameter, or null
   * @param body the body, or null
   * @param async the suspended response
   */
  public void start(String type, String key, InputStream body, AsyncResponse async) {
    try {
      Bodies.requireJsonOrNone(headers.getMediaType());
      Starter.start(exchange(), type, key, headers, body, async);
    } catch (RuntimeException e) {
      async.resume(Guard.failure(e));
    }
  }

  /**
   * An operation's status.
   *
   * @param type the type's name
   * @param id the operation's id
   * @return 200 with the status, or 304
   */
  public Response status(String type, String id) {
    return guard(
        () -> {
          Exchange exchange = exchange();
          Lookup lookup = exchange.lookup();
          return exchange.responses().status(lookup.visible(lookup.type(type), id), request);
        });
  }

  /**
   * Asks an operation to stop.
   *
   * @param type the type's name
   * @param id the operation's id
   * @return 200 with the status after the request
   */
  public Response stop(String type, String id) {
    return guard(
        () -> {
          Exchange exchange = exchange();
          OperationType operationType = exchange.lookup().type(type);
          OperationSnapshot operation = exchange.lookup().visible(operationType, id);
          exchange.access().requireMayStop(operationType, operation);
          OperationSnapshot after = exchange.engine().stop(operation.id());
          Responses responses = exchange.responses();
          return responses.build(responses.withStatus(Response.Status.OK, after));
        });
  }

  /**
   * An ended operation's result.
   *
   * @param type the type's name
   * @param id the operation's id
   * @return 200 with the value as JSON, or the download
   */
  public Response result(String type, String id) {
    return guard(
        () -> {
          Exchange exchange = exchange();
          return Results.of(exchange, visible(exchange, type, id));
        });
  }

  /**
   * The headers of an ended operation's result.
   *
   * @param type the type's name
   * @param id the operation's id
   * @return 200 with the headers a {@code GET} would have
   */
  public Response resultHeaders(String type, String id) {
    return guard(
        () -> {
          Exchange exchange = exchange();
          return Results.headers(exchange, visible(exchange, type, id));
        });
  }

  /**
   * Opens an operation's event stream.
   *
   * @param type the type's name
   * @param id the operation's id
   * @param lastEventId the {@code Last-Event-ID} header, or null
   * @param sink the client's event sink
   * @param sse makes events
   */
  public void events(String type, String id, String lastEventId, SseEventSink sink, Sse sse) {
    guard(
        () -> {
          Exchange exchange = exchange();
          OperationSnapshot operation = visible(exchange, type, id);
          LastEventId last = LastEventId.parse(lastEventId);
          if (!operation.active() && last.saw(exchange.views().render(operation).tag())) {
            // The client saw the end already: 204 tells EventSource not to reconnect again.
            throw new WebApplicationException(exchange.responses().build(Response.noContent()));
          }
          EventStream.open(
              exchange.engine(),
              operation.id(),
              sink,
              sse,
              exchange.config().executor(),
              exchange.views()::render,
              last);
          return null;
        });
  }

  /**
   * The headers an event stream would start with.
   *
   * @param type the type's name
   * @param id the operation's id
   * @param lastEventId the {@code Last-Event-ID} header, or null
   * @return 200 with {@code Content-Type: text/event-stream}, or 204
   */
  public Response eventsHeaders(String type, String id, String lastEventId) {
    return guard(
        () -> {
          Exchange exchange = exchange();
          OperationSnapshot operation = visible(exchange, type, id);
          if (!operation.active()
              && LastEventId.parse(lastEventId).saw(exchange.views().render(operation).tag())) {
            return exchange.responses().build(Response.noContent());
          }
          return exchange.responses().build(Response.ok().type(MediaType.SERVER_SENT_EVENTS_TYPE));
        });
  }

  /**
   * Forgets an ended operation and its result.
   *
   * @param type the type's name
   * @param id the operation's id
   * @return 204
   */
  public Response forget(String type, String id) {
    return guard(
        () -> {
          Exchange exchange = exchange();
          OperationType operationType = exchange.lookup().type(type);
          OperationSnapshot operation = exchange.lookup().visible(operationType, id);
          exchange.access().requireMayStop(operationType, operation);
          exchange.engine().forget(operation.id());
          return exchange.responses().build(Response.noContent());
        });
  }

  /**
   * The admin list: every operation, filtered and paged.
   *
   * @param type the {@code type} query parameter, or null
   * @param states the {@code state} query parameters
   * @param owner the {@code owner} query parameter, or null
   * @param node the {@code node} query parameter, or null
   * @param from the {@code from} query parameter, or null
   * @param to the {@code to} query parameter, or null
   * @param id the {@code id} query parameter, or null
   * @param limit the {@code limit} query parameter, or null
   * @param cursor the {@code cursor} query parameter, or null
   * @return 200 with a page
   */
  public Response adminList(
      String type,
      List<String> states,
      String owner,
      String node,
      String from,
      String to,
      String id,
      String limit,
      String cursor) {
    return guard(
        () ->
            AdminEndpoints.list(
                exchange(), type, states, owner, node, from, to, id, limit, cursor));
  }

  /**
   * The admin summary.
   *
   * @return 200 with the summary
   */
  public Response adminSummary() {
    return guard(() -> AdminEndpoints.summary(exchange()));
  }

  /**
   * One operation in full, for admins.
   *
   * @param id the operation's id
   * @return 200 with the detail
   */
  public Response adminDetail(String id) {
    return guard(() -> AdminEndpoints.detail(exchange(), id));
  }

  /**
   * An admin's stop of any operation.
   *
   * @param id the operation's id
   * @return 202 with its row
   */
  public Response adminStop(String id) {
    return guard(() -> AdminEndpoints.stop(exchange(), id));
  }

  /**
   * An admin's delete of any ended operation.
   *
   * @param id the operation's id
   * @return 204
   */
  public Response adminDelete(String id) {
    return guard(() -> AdminEndpoints.delete(exchange(), id));
  }

  /**
   * Opens the admin event stream.
   *
   * @param sink the client's event sink
   * @param sse makes events
   */
  public void adminEvents(SseEventSink sink, Sse sse) {
    guard(
        () -> {
          AdminEndpoints.events(exchange(), sink, sse);
          return null;
        });
  }

  /**
   * The headers the admin event stream would start with.
   *
   * @return 200 with {@code Content-Type: text/event-stream}
   */
  public Response adminEventsHeaders() {
    return guard(() -> AdminEndpoints.eventsHeaders(exchange()));
  }

  /**
   * The answer at a path under the base that no other method serves.
   *
   * @return 404 with a problem
   */
  public static Response unknownPath() {
    return UnknownPath.response();
  }

  /** Whether the caller may read the admin API; the document is public, so no principal needed. */
  private boolean mayReadAdmin(AdapterConfig config) {
    Caller caller = CallerIdentity.of(false, headers, security).caller();
    return new Access(config.accessPolicy(), caller).admin(config.adminRoles()).mayRead();
  }

  private Exchange exchange() {
    return Exchange.of(AdapterConfig.of(configuration), uriInfo, headers, security);
  }

  private static OperationSnapshot visible(Exchange exchange, String type, String id) {
    Lookup lookup = exchange.lookup();
    return lookup.visible(lookup.type(type), id);
  }

  private static <T> T guard(Supplier<T> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      throw Guard.failure(e);
    }
  }
}
