package io.github.asyncops.jaxrs;

import io.github.asyncops.jaxrs.internal.Endpoints;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
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

/**
 * The HTTP resources of every registered operation type, at {@code operations} under the
 * application path. The application registers it next to {@link AsyncOpsFeature} (see {@link
 * AsyncOpsFeature#resourceClass()}); the module README documents each endpoint, its statuses,
 * headers and JSON.
 *
 * <p>To serve the resources at another path, subclass it with nothing but another {@link Path} and
 * give the subclass to {@link AsyncOpsFeature.Builder#resource(Class)}:
 *
 * <pre>{@code
 * @Path("jobs")
 * public class JobsResource extends OperationsResource {}
 * }</pre>
 *
 * <p>The methods {@code unknownGet} to {@code unknownOptions} are the catch-all: every other path
 * under the base answers 404 with a problem, on every runtime; the OpenAPI document leaves them
 * out.
 *
 * <p>One instance serves all requests; the runtime injects its {@code @Context} fields as proxies
 * that select each request's context (JAX-RS 4.0, section 5.1). A subclass needs a public
 * constructor without parameters and must not override the methods.
 */
@Path("operations")
public class OperationsResource {
  /** The catch-all's template; a private copy, since the internal class is no API. */
  private static final String UNKNOWN_PATH = Endpoints.UNKNOWN_PATH;

  @Context private Configuration configuration;
  @Context private UriInfo uriInfo;
  @Context private HttpHeaders headers;
  @Context private SecurityContext securityContext;
  @Context private Request request;

  /** Creates the resource; the runtime does, once per request. */
  public OperationsResource() {}

  /**
   * {@code GET {base}}: the registered operation types.
   *
   * @return 200 with a JSON array of types
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response types() {
    return endpoints().types();
  }

  /**
   * {@code GET {base}/openapi.json}: the OpenAPI 3.1 document of this contract, with a typed start
   * for each registered type.
   *
   * @return 200 with the document
   */
  @GET
  @Path("openapi.json")
  @Produces(MediaType.APPLICATION_JSON)
  public Response openApi() {
    return endpoints().openApi();
  }

  /**
   * {@code GET {base}/{type}}: the caller's visible operations of a type, newest first.
   *
   * @param type the type's name
   * @param active {@code true} for active operations only
   * @param key only operations with this key
   * @param limit the most operations to list, at most 100 (the default)
   * @return 200 with a JSON array of statuses
   */
  @GET
  @Path("{type}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(
      @PathParam("type") String type,
      @QueryParam("active") String active,
      @QueryParam("key") String key,
      @QueryParam("limit") String limit) {
    return endpoints().list(type, active, key, limit);
  }

  /**
   * {@code POST {base}/{type}}: starts an operation, or joins the active one. Resumes the response
   * with 202 and the status when created, 200 when joined, or when it ended within {@code Prefer:
   * wait}; while it waits, no request thread is held.
   *
   * @param type the type's name
   * @param key the key of a {@code KEY}-scope start
   * @param body the worker's parameters as JSON, or no body
   * @param async the response, suspended until it is answered
   */
  @POST
  @Path("{type}")
  @Produces(MediaType.APPLICATION_JSON)
  public void start(
      @PathParam("type") String type,
      @QueryParam("key") String key,
      InputStream body,
      @Suspended AsyncResponse async) {
    endpoints().start(type, key, body, async);
  }

  /**
   * {@code GET {base}/{type}/{id}}: an operation's status.
   *
   * @param type the type's name
   * @param id the operation's id
   * @return 200 with the status, or 304 when {@code If-None-Match} has its tag
   */
  @GET
  @Path("{type}/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response status(@PathParam("type") String type, @PathParam("id") String id) {
    return endpoints().status(type, id);
  }

  /**
   * {@code POST {base}/{type}/{id}/stop}: asks an operation to stop. Idempotent.
   *
   * @param type the type's name
   * @param id the operation's id
   * @return 200 with the status after the request
   */
  @POST
  @Path("{type}/{id}/stop")
  @Produces(MediaType.APPLICATION_JSON)
  public Response stop(@PathParam("type") String type, @PathParam("id") String id) {
    return endpoints().stop(type, id);
  }

  /**
   * {@code GET {base}/{type}/{id}/result}: an ended operation's result.
   *
   * @param type the type's name
   * @param id the operation's id
   * @return 200 with the value as JSON, or the download
   */
  @GET
  @Path("{type}/{id}/result")
  public Response result(@PathParam("type") String type, @PathParam("id") String id) {
    return endpoints().result(type, id);
  }

  /**
   * {@code HEAD {base}/{type}/{id}/result}: the result's headers, without opening a download.
   *
   * @param type the type's name
   * @param id the operation's id
   * @return 200 with the headers a {@code GET} would have
   */
  @HEAD
  @Path("{type}/{id}/result")
  public Response resultHeaders(@PathParam("type") String type, @PathParam("id") String id) {
    return endpoints().resultHeaders(type, id);
  }

  /**
   * {@code GET {base}/{type}/{id}/events}: a {@code status} event per change, until the final
   * state.
   *
   * @param type the type's name
   * @param id the operation's id
   * @param lastEventId the id of the last event a reconnecting client received, or null
   * @param sink the client's event sink
   * @param sse makes events
   */
  @GET
  @Path("{type}/{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(
      @PathParam("type") String type,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    endpoints().events(type, id, lastEventId, sink, sse);
  }

  /**
   * {@code HEAD {base}/{type}/{id}/events}: the headers a stream would start with, at once. Without
   * this method the runtime would answer {@code HEAD} by opening the stream, which holds the answer
   * until the operation ends.
   *
   * @param type the type's name
   * @param id the operation's id
   * @param lastEventId the id of the last event a reconnecting client received, or null
   * @return 200 with {@code Content-Type: text/event-stream}, or 204 as for {@code GET}
   */
  @HEAD
  @Path("{type}/{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Response eventsHeaders(
      @PathParam("type") String type,
      @PathParam("id") String id,
      @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId) {
    return endpoints().eventsHeaders(type, id, lastEventId);
  }

  /**
   * {@code DELETE {base}/{type}/{id}}: forgets an ended operation and its result.
   *
   * @param type the type's name
   * @param id the operation's id
   * @return 204
   */
  @DELETE
  @Path("{type}/{id}")
  public Response forget(@PathParam("type") String type, @PathParam("id") String id) {
    return endpoints().forget(type, id);
  }

  /**
   * {@code GET {base}/_admin/operations}: every operation of every owner and node, newest first,
   * for callers with admin access (see {@link AccessPolicy#adminAccess}); others get 404.
   *
   * @param type only this type
   * @param states only these states (repeatable)
   * @param owner only this owner
   * @param node only this node
   * @param from only operations created at or after this ISO-8601 instant
   * @param to only operations created before this ISO-8601 instant
   * @param id only ids that start with this
   * @param limit the page size, 1 to 500, default 50
   * @param cursor the {@code next} of the previous page
   * @return 200 with {@code {"items": [...], "next": ...}}
   */
  @GET
  @Path("_admin/operations")
  @Produces(MediaType.APPLICATION_JSON)
  public Response adminList(
      @QueryParam("type") String type,
      @QueryParam("state") List<String> states,
      @QueryParam("owner") String owner,
      @QueryParam("node") String node,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("id") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return endpoints().adminList(type, states, owner, node, from, to, id, limit, cursor);
  }

  /**
   * {@code GET {base}/_admin/summary}: counts per type and state, per node, the queue and the
   * failures of the last hour, for admins.
   *
   * @return 200 with the summary
   */
  @GET
  @Path("_admin/summary")
  @Produces(MediaType.APPLICATION_JSON)
  public Response adminSummary() {
    return endpoints().adminSummary();
  }

  /**
   * {@code GET {base}/_admin/operations/{id}}: one operation in full, the failure's stack trace
   * included, for admins.
   *
   * @param id the operation's id
   * @return 200 with the detail
   */
  @GET
  @Path("_admin/operations/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response adminDetail(@PathParam("id") String id) {
    return endpoints().adminDetail(id);
  }

  /**
   * {@code POST {base}/_admin/operations/{id}/stop}: stops any active operation, on any node, for
   * admins with write access.
   *
   * @param id the operation's id
   * @return 202 with its row
   */
  @POST
  @Path("_admin/operations/{id}/stop")
  @Produces(MediaType.APPLICATION_JSON)
  public Response adminStop(@PathParam("id") String id) {
    return endpoints().adminStop(id);
  }

  /**
   * {@code DELETE {base}/_admin/operations/{id}}: forgets any ended operation, for admins with
   * write access.
   *
   * @param id the operation's id
   * @return 204
   */
  @DELETE
  @Path("_admin/operations/{id}")
  public Response adminDelete(@PathParam("id") String id) {
    return endpoints().adminDelete(id);
  }

  /**
   * {@code GET {base}/_admin/events}: {@code summary} events when the summary changes and {@code
   * progress} events for running operations, for admins.
   *
   * @param sink the client's event sink
   * @param sse makes events
   */
  @GET
  @Path("_admin/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void adminEvents(@Context SseEventSink sink, @Context Sse sse) {
    endpoints().adminEvents(sink, sse);
  }

  /**
   * {@code HEAD {base}/_admin/events}: the headers the stream would start with, at once, rather
   * than a stream that never ends.
   *
   * @return 200 with {@code Content-Type: text/event-stream}
   */
  @HEAD
  @Path("_admin/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public Response adminEventsHeaders() {
    return endpoints().adminEventsHeaders();
  }

  /**
   * {@code GET} at a path under the base that no other method serves (HEAD goes to GET).
   *
   * @return 404 with a problem
   */
  @GET
  @Path(UNKNOWN_PATH)
  public Response unknownGet() {
    return Endpoints.unknownPath();
  }

  /**
   * {@code POST} at a path under the base that no other method serves (HEAD goes to GET).
   *
   * @return 404 with a problem
   */
  @POST
  @Path(UNKNOWN_PATH)
  public Response unknownPost() {
    return Endpoints.unknownPath();
  }

  /**
   * {@code PUT} at a path under the base that no other method serves (HEAD goes to GET).
   *
   * @return 404 with a problem
   */
  @PUT
  @Path(UNKNOWN_PATH)
  public Response unknownPut() {
    return Endpoints.unknownPath();
  }

  /**
   * {@code DELETE} at a path under the base that no other method serves (HEAD goes to GET).
   *
   * @return 404 with a problem
   */
  @DELETE
  @Path(UNKNOWN_PATH)
  public Response unknownDelete() {
    return Endpoints.unknownPath();
  }

  /**
   * {@code PATCH} at a path under the base that no other method serves (HEAD goes to GET).
   *
   * @return 404 with a problem
   */
  @PATCH
  @Path(UNKNOWN_PATH)
  public Response unknownPatch() {
    return Endpoints.unknownPath();
  }

  /**
   * {@code OPTIONS} at a path under the base that no other method serves (HEAD goes to GET).
   *
   * @return 404 with a problem
   */
  @OPTIONS
  @Path(UNKNOWN_PATH)
  public Response unknownOptions() {
    return Endpoints.unknownPath();
  }

  private Endpoints endpoints() {
    return Endpoints.of(configuration, uriInfo, headers, securityContext, request);
  }
}
