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

/**
 * Turns the engine's exceptions into problems. Their messages are written for callers, so they
 * become the detail. Applies to every resource of the application that lets one escape.
 */
final class AsyncOpsExceptionMapper implements ExceptionMapper<AsyncOpsException> {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.jaxrs");

  /** Creates the mapper. */
  AsyncOpsExceptionMapper() {}

  @Override
  public Response toResponse(AsyncOpsException e) {
    String detail = e.getMessage();
    if (e instanceof InvalidParametersException invalid) {
      return Problem.INVALID_PARAMETERS.response(detail, invalid.field(), null);
    }
    if (e instanceof CapacityExceededException full) {
      return Response.fromResponse(Problem.CAPACITY_EXCEEDED.response(detail))
          .header(HttpHeaders.RETRY_AFTER, Responses.seconds(full.retryAfter()))
          .build();
    }
    if (e instanceof StoreUnavailableException down) {
      return Response.fromResponse(Problem.STORE_UNAVAILABLE.response(detail))
          .header(HttpHeaders.RETRY_AFTER, Responses.seconds(down.retryAfter()))
          .build();
    }
    Problem problem = problemOf(e);
    if (problem == Problem.INTERNAL) {
      LOG.log(Level.ERROR, "unexpected asyncops failure", e);
      return problem.response("the server failed to handle the request; its log has the details");
    }
    return problem.response(detail);
  }

  private static Problem problemOf(AsyncOpsException e) {
    if (e instanceof UnknownOperationTypeException) {
      return Problem.UNKNOWN_TYPE;
    }
    if (e instanceof OperationNotFoundException) {
      return Problem.OPERATION_NOT_FOUND;
    }
    if (e instanceof OperationGoneException) {
      return Problem.OPERATION_GONE;
    }
    if (e instanceof OperationConflictException) {
      return Problem.OPERATION_CONFLICT;
    }
    if (e instanceof IdempotencyKeyReusedException) {
      return Problem.IDEMPOTENCY_KEY_REUSED;
    }
    if (e instanceof OperationActiveException) {
      return Problem.OPERATION_ACTIVE;
    }
    if (e instanceof EngineClosedException) {
      return Problem.ENGINE_CLOSED;
    }
    return Problem.INTERNAL;
  }
}
