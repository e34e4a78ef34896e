package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 23: a new deployment's operation table gets statistics from the store once a node has
 * inserted {@value FirstAnalyze#AFTER} operations, so that its prepared statements are planned for
 * the table it has rather than for an empty one until autovacuum's first round.
 */
final class FirstAnalyzePostgresIT {
  @RegisterExtension static final PostgresDatabase database = new PostgresDatabase(2);

  @Test
  void theStoreAnalyzesANewTableAfterItsFirstThousandInserts() throws Exception {
    JdbcOperationStore store = database.store().build();
    try (store;
        OperationEngine client =
            OperationEngine.builder()
                .discover(false)
                .store(store)
                .scheduler(new ManualScheduler())
                .runsWorkers(false)
                .queueCapacity(10_000)
                .worker(TestProvider.of("noop", p -> c -> OperationResult.none()))
                .build()) {
      // Autovacuum analyzes small tables after 50 changes; it must not do the store's work here.
      database.execute(
          "ALTER TABLE " + database.prefix + "operation SET (autovacuum_enabled = false)");
      for (int i = 1; i < FirstAnalyze.AFTER; i++) {
        client.start(StartRequest.of("noop"));
      }
      store.tick(Instant.now());
      assertThat(pages())
          .as("pages in statistics before the %sth insert", FirstAnalyze.AFTER)
          .isZero();

      client.start(StartRequest.of("noop"));
      store.tick(Instant.now());
      assertThat(pages()).as("pages in statistics after it").isPositive();
      assertThat(rows()).isEqualTo(FirstAnalyze.AFTER);
    }
  }

  private long pages() throws SQLException {
    return statistic("relpages");
  }

  private long rows() throws SQLException {
    return statistic("reltuples::bigint");
  }

  private long statistic(String column) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT "
                    + column
                    + " FROM pg_class WHERE oid = '"
                    + database.prefix
                    + "operation'::regclass")) {
      r.next();
      return r.getLong(1);
    }
  }
}
