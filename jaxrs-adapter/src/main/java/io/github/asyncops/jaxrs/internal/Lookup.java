package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationNotFoundException;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationType;

/** Finds what a request's path names: a type by its name, and an operation the caller may see. */
final class Lookup {
  private final OperationEngine engine;
  private final Access access;

  Lookup(OperationEngine engine, Access access) {
    this.engine = engine;
    this.access = access;
  }

  /**
   * Looks up a type by the name in the path.
   *
   * @param name the name
   * @return the type
   * @throws ProblemException 404 if there is none
   */
  OperationType type(String name) {
    return engine
        .type(name)
        .orElseThrow(() -> Problem.UNKNOWN_TYPE.exception(Detail.of("unknown-type", name)));
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
  OperationSnapshot visible(OperationType type, String id) {
    if (OperationId.isValid(id)) {
      try {
        OperationSnapshot snapshot = engine.status(OperationId.of(id));
        if (snapshot.type().equals(type.name()) && access.maySee(type, snapshot)) {
          return snapshot;
        }
      } catch (OperationNotFoundException e) {
        // answered below, exactly like an operation the caller may not see
      }
    }
    throw Problem.OPERATION_NOT_FOUND.exception(Detail.of("operation-not-found", type.name(), id));
  }
}
