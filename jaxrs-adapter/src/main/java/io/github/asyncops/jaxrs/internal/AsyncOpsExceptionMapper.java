package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.AsyncOpsException;
import io.github.asyncops.core.CapacityExceededException;
import io.github.asyncops.core.EngineClosedException;
import io.github.asyncops.core.IdempotencyKeyReusedException;
import io.github.asyncops.core.InvalidParametersException;
import io.github.asyncops.core.OperationActiveException;
import io.github.asyncops.core.OperationConflictException;
import io.github.asyncops.core.OperationGoneException;
import io.github.asyncops.core.OperationNotFoundException;
import io.github.asyncops.core.StoreUnavailableException;
import io.github.asyncops.core.UnknownOperationTypeException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Turns the engine's exceptions into problems, each with a detail of the adapter's texts, so that
 * it reads in the viewer's language; an invalid parameter keeps the worker's message, which names
 * the fault as only the worker can. Applies to every resource of the application that lets one
 * escape.
 */
final class AsyncOpsExceptionMapper implements ExceptionMapper<AsyncOpsException> {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.jaxrs");

  /** Creates the mapper. */
  AsyncOpsExceptionMapper() {}

  @Override
  public Response toResponse(AsyncOpsException e) {
    if (e instanceof InvalidParametersException invalid) {
      // The worker's own words, in whatever language it wrote them.
      return Problem.INVALID_PARAMETERS.response(
          Detail.verbatim(e.getMessage()), invalid.field(), null);
    }
    if (e instanceof CapacityExceededException full) {
      return Response.fromResponse(Problem.CAPACITY_EXCEEDED.response(Detail.of("capacity")))
          .header(HttpHeaders.RETRY_AFTER, Responses.seconds(full.retryAfter()))
          .build();
    }
    if (e instanceof StoreUnavailableException down) {
      return Response.fromResponse(Problem.STORE_UNAVAILABLE.response(Detail.of("store")))
          .header(HttpHeaders.RETRY_AFTER, Responses.seconds(down.retryAfter()))
          .build();
    }
    if (e instanceof UnknownOperationTypeException unknown) {
      return Problem.UNKNOWN_TYPE.response(Detail.of("unknown-type", unknown.type()));
    }
    if (e instanceof OperationConflictException conflict) {
      return Problem.OPERATION_CONFLICT.response(
          Detail.of("operation-conflict", conflict.active().type()));
    }
    if (e instanceof OperationNotFoundException missing) {
      return Problem.OPERATION_NOT_FOUND.response(Detail.of("no-such-operation", missing.id()));
    }
    if (e instanceof OperationGoneException gone) {
      return Problem.OPERATION_GONE.response(Detail.of("operation-gone", gone.id()));
    }
    if (e instanceof OperationActiveException active) {
      return Problem.OPERATION_ACTIVE.response(Detail.of("operation-active", active.id()));
    }
    Problem problem = problemOf(e);
    if (problem == Problem.INTERNAL) {
      LOG.log(Level.ERROR, "unexpected asyncops failure", e);
    }
    String key = problem.name().toLowerCase(Locale.ROOT).replace('_', '-');
    return problem.response(Detail.of("engine." + key));
  }

  private static Problem problemOf(AsyncOpsException e) {
    if (e instanceof IdempotencyKeyReusedException) {
      return Problem.IDEMPOTENCY_KEY_REUSED;
    }
    if (e instanceof EngineClosedException) {
      return Problem.ENGINE_CLOSED;
    }
    return Problem.INTERNAL;
  }
}
