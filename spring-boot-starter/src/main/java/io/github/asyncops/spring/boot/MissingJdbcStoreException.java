package io.github.asyncops.spring.boot;

/**
 * {@code asyncops.store=jdbc} is set but {@code io.github.asyncops:asyncops-store-jdbc} is not on
 * the class path. {@link MissingJdbcStoreFailureAnalyzer} turns it into Boot's start-up report.
 */
final class MissingJdbcStoreException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  static final String MESSAGE =
      "asyncops.store=jdbc needs io.github.asyncops:asyncops-store-jdbc on the class path;"
          + " add it (and a JDBC driver) to the application's dependencies,"
          + " or set asyncops.store=memory";

  MissingJdbcStoreException() {
    super(MESSAGE);
  }
}
