package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.examples.ReportProvider;
import io.github.asyncops.core.examples.ReportProvider.Request;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Runs the set-up the README shows, with the top README's {@link ReportProvider}, on an in-memory
 * H2 database instead of PostgreSQL: the same lines with another JDBC URL.
 */
final class ReadmeExampleTest {

  @Test
  void the_readme_set_up_runs_an_operation_through_the_database() {
    String jdbcUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ObjectMapper objectMapper = new ObjectMapper();
    // README: set-up
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(jdbcUrl); // for example jdbc:postgresql://localhost:5432/asyncops
    HikariDataSource dataSource = new HikariDataSource(hikari);

    JdbcOperationStore store =
        JdbcOperationStore.builder(dataSource)
            .codec(new JacksonCodec(objectMapper)) // parameters and value results as JSON
            .build(); // creates the tables if missing
    OperationEngine engine =
        OperationEngine.builder()
            .store(store) // learns "report" and Request.class
            .nodeId("node-1")
            .worker(new ReportProvider())
            .build();
    // README: end
    try {
      OperationId id =
          engine.start(StartRequest.of("report").withParameters(new Request(3))).operation().id();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> engine.status(id).state() == OperationState.SUCCEEDED);
      assertThat(engine.result(id)).contains(OperationResult.of("page 1\npage 2\npage 3\n"));
    } finally {
      // README: shutdown
      engine.close();
      store.close();
      dataSource.close();
      // README: end
    }
  }
}
