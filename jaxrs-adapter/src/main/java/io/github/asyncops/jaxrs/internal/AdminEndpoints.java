package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationAdmin;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.jaxrs.AdminAccess;
import io.github.asyncops.jaxrs.json.AdminDetailJson;
import io.github.asyncops.jaxrs.json.AdminPageJson;
import io.github.asyncops.jaxrs.json.AdminRowJson;
import io.github.asyncops.jaxrs.json.SummaryJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The operator console's API under {@code {base}/_admin} (the module README and the OpenAPI
 * document describe it): every operation of every owner and node, read from the store through
 * {@link OperationAdmin}. Each method checks the caller's {@link AdminAccess} itself, as {@link
 * AdminGate} did before matching: without any, the answer is the 404 of an unknown path. Every stop
 * and delete is logged at INFO with who made it.
 */
final class AdminEndpoints {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.jaxrs.admin");

  private AdminEndpoints() {}

  static Response list(
      Exchange exchange,
      String type,
      List<String> states,
      String owner,
      String node,
      String from,
      String to,
      String id,
      String limit,
      String cursor) {
    require(exchange, false);
    OperationQuery query = AdminQueries.of(type, states, owner, node, from, to, id, limit, cursor);
    List<OperationRecord> records = admin(exchange).list(query);
    int pageSize = query.limit() - 1;
    String next = null;
    if (records.size() > pageSize) {
      records = records.subList(0, pageSize);
      next = AdminQueries.cursor(OperationQuery.Cursor.of(records.get(pageSize - 1)));
    }
    List<AdminRowJson> rows = records.stream().map(r -> row(exchange, r)).toList();
    return exchange.responses().build(Response.ok(new AdminPageJson(rows, next)));
  }

  /** A record as a row, its texts in the viewer's language. */
  private static AdminRowJson row(Exchange exchange, OperationRecord r) {
    StatusViews views = exchange.views();
    return AdminRowJson.of(r, views.text(r), views.error(r));
  }

  static Response summary(Exchange exchange) {
    require(exchange, false);
    return exchange.responses().build(Response.ok(SummaryJson.of(admin(exchange).summary())));
  }

  static Response detail(Exchange exchange, String id) {
    require(exchange, false);
    OperationRecord r = find(exchange, id);
    StatusViews views = exchange.views();
    AdminDetailJson detail =
        AdminDetailJson.of(r, parameters(exchange, r), views.text(r), views.error(r));
    return exchange.responses().build(Response.ok(detail));
  }

  static Response stop(Exchange exchange, String id) {
    require(exchange, true);
    OperationRecord r = find(exchange, id);
    if (r.state().isFinal()) {
      throw Problem.OPERATION_ENDED.exception(Detail.of("operation-ended", r.id(), r.state()));
    }
    exchange.engine().stop(r.id());
    LOG.log(
        Level.INFO,
        "{0} stopped operation {1} of type {2} (owner {3}, node {4}) through the admin API",
        exchange.caller().owner(),
        r.id(),
        r.type(),
        r.owner(),
        r.lease().node());
    OperationRecord after = admin(exchange).find(r.id()).orElse(r);
    return exchange.responses().build(Response.accepted(row(exchange, after)));
  }

  static Response delete(Exchange exchange, String id) {
    require(exchange, true);
    OperationRecord r = find(exchange, id);
    if (r.state().isActive()) {
      throw Problem.OPERATION_ACTIVE.exception(
          Detail.of("operation-active-admin", r.id(), r.state()));
    }
    exchange.engine().forget(r.id());
    LOG.log(
        Level.INFO,
        "{0} deleted operation {1} of type {2} (owner {3}, {4}) through the admin API",
        exchange.caller().owner(),
        r.id(),
        r.type(),
        r.owner(),
        r.state());
    return exchange.responses().build(Response.noContent());
  }

  static void events(Exchange exchange, SseEventSink sink, Sse sse) {
    require(exchange, false);
    exchange.config().adminFeed().join(sink, sse, exchange.config().executor());
  }

  static Response eventsHeaders(Exchange exchange) {
    require(exchange, false);
    return exchange.responses().build(Response.ok().type(MediaType.SERVER_SENT_EVENTS_TYPE));
  }

  /**
   * Requires the caller's admin access.
   *
   * @throws ProblemException the 404 of an unknown path without access, 403 for a write with read
   *     access only
   */
  private static void require(Exchange exchange, boolean write) {
    AdminAccess access = exchange.access().admin(exchange.config().adminRoles());
    if (!access.mayRead()) {
      throw new ProblemException(UnknownPath.response());
    }
    if (write && !access.mayWrite()) {
      throw Problem.FORBIDDEN.exception(Detail.of("admin-read-only"));
    }
  }

  private static OperationAdmin admin(Exchange exchange) {
    return exchange.engine().admin();
  }

  private static OperationRecord find(Exchange exchange, String id) {
    if (OperationId.isValid(id)) {
      var found = admin(exchange).find(OperationId.of(id));
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw Problem.OPERATION_NOT_FOUND.exception(Detail.of("no-such-operation", id));
  }

  /** The parameters as JSON, or null when they are gone or do not convert. */
  private static JsonNode parameters(Exchange exchange, OperationRecord r) {
    if (r.parameters() == null) {
      return null;
    }
    try {
      return exchange.config().mapper().valueToTree(r.parameters());
    } catch (IllegalArgumentException e) {
      LOG.log(Level.DEBUG, "parameters of " + r.id() + " do not convert to JSON", e);
      return null;
    }
  }
}
