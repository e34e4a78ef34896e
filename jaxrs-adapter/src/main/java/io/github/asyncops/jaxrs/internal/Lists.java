package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Scope;
import io.github.asyncops.jaxrs.json.StatusJson;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET {base}/{type}}: the caller's visible operations of a type, newest first. Lists of
 * {@link Scope#USER USER} and {@link Scope#NONE NONE} types are queried by owner, so the limit
 * counts only the caller's own operations.
 */
final class Lists {
  /** The most operations one list returns. */
  static final int MAX_LIMIT = OperationQuery.DEFAULT_LIMIT;

  private Lists() {}

  /**
   * Answers a list request.
   *
   * @param exchange the request
   * @param typeName the type in the path
   * @param active the {@code active} query parameter, or null
   * @param key the {@code key} query parameter, or null
   * @param limit the {@code limit} query parameter, or null
   * @return the response
   * @throws ProblemException 404 for an unknown type, 400 for a malformed parameter
   */
  static Response of(Exchange exchange, String typeName, String active, String key, String limit) {
    OperationType type = exchange.lookup().type(typeName);
    OperationQuery query =
        OperationQuery.of(type.name())
            .withActiveOnly(flag(active))
            .withKey(key == null || key.isEmpty() ? null : key)
            .withLimit(limit(limit));
    if (type.scope() == Scope.USER || type.scope() == Scope.NONE) {
      query = query.withOwner(exchange.caller().owner());
    }
    StatusJson[] operations =
        exchange.engine().list(query).stream()
            .filter(operation -> exchange.access().maySee(type, operation))
            .map(exchange.views()::json)
            .toArray(StatusJson[]::new);
    return exchange.responses().build(Response.ok(operations));
  }

  private static boolean flag(String value) {
    if (value == null || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw Problem.INVALID_REQUEST.exception(Detail.of("invalid-active"));
  }

  private static int limit(String value) {
    if (value == null) {
      return MAX_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1) {
        return Math.min(limit, MAX_LIMIT);
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw Problem.INVALID_REQUEST.exception(Detail.of("invalid-limit", MAX_LIMIT));
  }
}
