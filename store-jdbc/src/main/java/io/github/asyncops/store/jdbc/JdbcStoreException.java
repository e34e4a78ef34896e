package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.AsyncOpsException;
import java.sql.SQLException;

/**
 * A database call of the JDBC store failed, after the retries its {@link RetryPolicy} allows, or
 * the store is misconfigured. The engine passes it to its caller, or logs it and retries on its
 * next housekeeping tick.
 */
public final class JdbcStoreException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final boolean transientFailure;

  /**
   * Creates an exception for a failed database call.
   *
   * @param message what the store was doing
   * @param cause the driver's exception
   * @param transientFailure whether the cause is a transient failure that later calls may not see
   */
  JdbcStoreException(String message, SQLException cause, boolean transientFailure) {
    super(message + ": " + cause.getMessage(), cause);
    this.transientFailure = transientFailure;
  }

  /**
   * Creates an exception for a misconfiguration.
   *
   * @param message what is wrong and how to fix it
   */
  JdbcStoreException(String message) {
    super(message);
    this.transientFailure = false;
  }

  /** Tells whether the cause was transient, so a later call may succeed. */
  boolean transientFailure() {
    return transientFailure;
  }
}
