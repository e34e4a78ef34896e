package io.github.asyncops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.store.InMemoryOperationStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code asyncops.store=jdbc} without {@code asyncops-store-jdbc} on the class path stops the
 * application with a message naming the artifact, instead of running in memory. The store with the
 * artifact is in {@code JdbcStoreIT}.
 */
final class MissingJdbcStoreTest {
  private final ApplicationContextRunner withoutStoreJdbc =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(AsyncOpsAutoConfiguration.class))
          .withClassLoader(new FilteredClassLoader("io.github.asyncops.store.jdbc"));

  @Test
  void jdbc_store_without_store_jdbc_fails_start_up_naming_the_artifact() {
    withoutStoreJdbc
        .withPropertyValues("asyncops.store=jdbc")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(context.getStartupFailure())
                  .rootCause()
                  .isInstanceOf(MissingJdbcStoreException.class)
                  .hasMessage(
                      "asyncops.store=jdbc needs io.github.asyncops:asyncops-store-jdbc on the"
                          + " class path; add it (and a JDBC driver) to the application's"
                          + " dependencies, or set asyncops.store=memory");
              FailureAnalysis analysis =
                  new MissingJdbcStoreFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis.getDescription())
                  .contains("io.github.asyncops:asyncops-store-jdbc is not on the class path");
              assertThat(analysis.getAction())
                  .startsWith("Add the dependency io.github.asyncops:asyncops-store-jdbc");
            });
  }

  @Test
  void memory_store_without_store_jdbc_starts() {
    withoutStoreJdbc.run(
        context ->
            assertThat(context)
                .hasNotFailed()
                .getBean(OperationStore.class)
                .isInstanceOf(InMemoryOperationStore.class));
  }

  @Test
  void store_bean_of_the_application_wins_over_the_missing_jdbc_store() {
    InMemoryOperationStore store = new InMemoryOperationStore();
    withoutStoreJdbc
        .withPropertyValues("asyncops.store=jdbc")
        .withBean(OperationStore.class, () -> store)
        .run(
            context ->
                assertThat(context).hasNotFailed().getBean(OperationStore.class).isSameAs(store));
  }
}
