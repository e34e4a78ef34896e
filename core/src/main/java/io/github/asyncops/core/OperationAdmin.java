package io.github.asyncops.core;

import io.github.asyncops.core.spi.OperationRecord;
import java.util.List;
import java.util.Optional;

/**
 * The operator's view of the store: every operation of every type, owner and node, as the store
 * holds it, the failure's cause included. Reached through {@link OperationEngine#admin()}; the
 * caller decides who may use it (the JAX-RS adapter asks its access policy). Stopping and
 * forgetting go through {@link OperationEngine#stop} and {@link OperationEngine#forget}, which work
 * for an operation on any node that shares the store. Thread-safe.
 */
public interface OperationAdmin {

  /**
   * Lists the records a query matches, newest first; the type may be null, and a type that is not
   * registered here lists what the store holds of it.
   *
   * @param query the filters, position and limit
   * @return the records, at most {@code query.limit()}
   */
  List<OperationRecord> list(OperationQuery query);

  /**
   * Reads one record as the store holds it.
   *
   * @param id the operation
   * @return the record, or empty if the store holds none
   */
  Optional<OperationRecord> find(OperationId id);

  /**
   * Counts what the store holds now.
   *
   * @return the summary
   */
  OperationSummary summary();
}
