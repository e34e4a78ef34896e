package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationConflictException;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.StartOutcome;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.jaxrs.json.StatusJson;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;

/**
 * {@code POST {base}/{type}}: binds the body, applies the access policy and {@code
 * Idempotency-Key}, starts or joins, and answers at once or after {@code Prefer: wait}.
 */
final class Starter {
  /** The header that makes a retried start answer with the same operation. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private Starter() {}

  /**
   * Handles a start, and resumes the response with 202 when created, 200 when joined, replayed, or
   * ended within {@code Prefer: wait}. A waiting start is suspended, not held on its thread.
   *
   * @param exchange the request
   * @param typeName the type in the path
   * @param key the {@code ?key=} query parameter, or null
   * @param headers the request's headers
   * @param body the body, or null
   * @param async the suspended response
   */
  static void start(
      Exchange exchange,
      String typeName,
      String key,
      HttpHeaders headers,
      InputStream body,
      AsyncResponse async) {
    AdapterConfig config = exchange.config();
    OperationType type = exchange.lookup().type(typeName);
    exchange.access().requireMayStart(type);
    byte[] bytes =
        Bodies.read(
            body, headers.getHeaderString(HttpHeaders.CONTENT_LENGTH), config.maxBodySize());
    ParameterBinder.Bound parameters = ParameterBinder.bind(config.mapper(), type, bytes);
    String idempotencyKey = IdempotencyKeys.parse(headers.getHeaderString(IDEMPOTENCY_KEY));
    Duration wait = PreferWait.parse(headers.getRequestHeader("Prefer"), config.maxWait());
    String slotKey = key == null || key.isEmpty() ? null : key;
    StartRequest request =
        StartRequest.of(type.name())
            .withParameters(parameters.value())
            .withOwner(exchange.caller().owner())
            .withKey(slotKey)
            .withIdempotencyKey(
                idempotencyKey,
                idempotencyKey == null
                    ? null
                    : IdempotencyKeys.fingerprint(parameters.tree(), slotKey));
    StartOutcome outcome = start(exchange, type, request);
    OperationSnapshot operation = outcome.operation();
    Response.Status created = outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK;
    WaitingStarts waiting = config.waitingStarts();
    if (wait.isZero() || !operation.active() || !waiting.tryEnter()) {
      // Beyond the cap on suspended waits the start answers as if it had asked for no wait.
      Duration applied = operation.active() && !wait.isZero() ? Duration.ZERO : wait;
      async.resume(answer(exchange, created, operation, applied));
      return;
    }
    waiting.suspend(
        async,
        exchange.engine(),
        operation.id(),
        wait,
        config.executor(),
        now -> answer(exchange, created, now, wait));
  }

  private static StartOutcome start(Exchange exchange, OperationType type, StartRequest request) {
    try {
      return exchange.engine().start(request);
    } catch (OperationConflictException e) {
      OperationSnapshot active = e.active();
      StatusJson visible =
          active != null && exchange.access().maySee(type, active)
              ? exchange.views().json(active)
              : null;
      throw new ProblemException(
          Problem.OPERATION_CONFLICT.response(
              Detail.of("operation-conflict", type.name()), null, visible));
    }
  }

  private static Response answer(
      Exchange exchange, Response.Status status, OperationSnapshot operation, Duration wait) {
    if (!wait.isZero() && !operation.active()) {
      status = Response.Status.OK;
    }
    Response.ResponseBuilder builder =
        exchange
            .responses()
            .withStatus(status, operation)
            .location(exchange.views().location(operation));
    if (!wait.isZero()) {
      builder.header("Preference-Applied", "wait=" + wait.toSeconds());
    }
    return exchange.responses().build(builder);
  }
}
