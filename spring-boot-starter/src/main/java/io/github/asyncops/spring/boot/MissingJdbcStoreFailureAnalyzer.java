package io.github.asyncops.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains {@link MissingJdbcStoreException} in Boot's "APPLICATION FAILED TO START" report. */
final class MissingJdbcStoreFailureAnalyzer
    extends AbstractFailureAnalyzer<MissingJdbcStoreException> {

  static final String DESCRIPTION =
      "asyncops.store=jdbc is set, but io.github.asyncops:asyncops-store-jdbc is not on the class"
          + " path, so asyncops has no JdbcOperationStore.";
  static final String ACTION =
      "Add the dependency io.github.asyncops:asyncops-store-jdbc (the starter's version) and a JDBC"
          + " driver with a DataSource (for example spring-boot-starter-jdbc), or set"
          + " asyncops.store=memory to keep operations in memory.";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingJdbcStoreException cause) {
    return new FailureAnalysis(DESCRIPTION, ACTION, cause);
  }
}
