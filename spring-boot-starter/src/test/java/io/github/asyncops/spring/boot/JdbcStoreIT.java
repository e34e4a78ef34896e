package io.github.asyncops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.examples.ReportProvider;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.store.jdbc.JdbcOperationStore;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code asyncops.store=jdbc} with Boot's {@code DataSource} (H2 here): the engine keeps its
 * records in the store's tables, which the store created ({@code asyncops.jdbc.create-schema}).
 */
@SpringBootTest(
    properties = {
      "asyncops.store=jdbc",
      "asyncops.jdbc.table-prefix=boot_",
      "spring.datasource.url=jdbc:h2:mem:starter;DB_CLOSE_DELAY=-1"
    })
final class JdbcStoreIT {
  @Autowired OperationStore store;
  @Autowired OperationEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void the_engine_keeps_its_records_in_the_applications_database() {
    assertThat(store).isInstanceOf(JdbcOperationStore.class);

    OperationId id =
        engine
            .start(StartRequest.of("report").withParameters(new ReportProvider.Request(2)))
            .operation()
            .id();

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.status(id).state() == OperationState.SUCCEEDED);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from boot_operation where id = ?", Integer.class, id.toString()))
        .isEqualTo(1);
  }
}
