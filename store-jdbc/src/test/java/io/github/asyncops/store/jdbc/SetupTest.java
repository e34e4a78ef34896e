package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.StoreListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Setting the store up: dialect detection, schema creation with other names, the check when a
 * migration tool owns the schema, and the stop-request poll of a database that cannot LISTEN. On
 * in-memory H2.
 */
final class SetupTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final H2Memory database = new H2Memory();

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  private static OperationRecord queued() {
    return OperationRecord.queued(
        OperationId.random(), "t", null, null, null, null, Duration.ofMinutes(1), T0);
  }

  @Test
  void the_dialect_is_detected_from_the_connection_metadata() {
    assertThat(JdbcDialect.detect(database.dataSource())).isSameAs(JdbcDialect.h2());
  }

  @Test
  void stores_with_another_prefix_or_schema_keep_their_operations_apart() {
    try (JdbcOperationStore plain = database.store().build();
        JdbcOperationStore prefixed = database.store().tablePrefix("other_").build();
        JdbcOperationStore schema = database.store().schema("ops").build()) {
      OperationRecord record = queued();
      plain.insert(record, false, 10);

      assertThat(prefixed.find(record.id())).isEmpty();
      assertThat(schema.find(record.id())).isEmpty();
      assertThat(plain.find(record.id())).isPresent();
    }
  }

  @Test
  void without_schema_creation_a_missing_table_names_the_ddl_to_apply() {
    assertThatThrownBy(() -> database.store().createSchema(false).build())
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("io/github/asyncops/store/jdbc/h2.sql");

    database.store().build().close();
    database.store().createSchema(false).build().close();
  }

  @Test
  void invalid_names_are_refused_before_they_reach_sql() {
    assertThatThrownBy(() -> database.store().tablePrefix("x; DROP TABLE y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> database.store().schema("a.b"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_ddl_is_renamed_for_a_schema_with_index_names_qualified_only_where_allowed() {
    Tables tables = new Tables("ops", "app_");
    String index = "CREATE INDEX IF NOT EXISTS asyncops_operation_list ON asyncops_operation (x)";

    assertThat(Schema.rename(index, JdbcDialect.postgresql(), tables))
        .isEqualTo("CREATE INDEX IF NOT EXISTS app_operation_list ON ops.app_operation (x)");
    assertThat(Schema.rename(index, JdbcDialect.h2(), tables))
        .isEqualTo("CREATE INDEX IF NOT EXISTS ops.app_operation_list ON ops.app_operation (x)");
    assertThat(Schema.statements(JdbcDialect.postgresql(), new Tables(null, "asyncops_")))
        .allSatisfy(s -> assertThat(s).doesNotContain("--").doesNotEndWith(";"))
        .hasSize(25);
  }

  @Test
  void a_database_that_cannot_listen_polls_for_stop_requests_of_operations_running_here() {
    Set<OperationId> stops = ConcurrentHashMap.newKeySet();
    try (JdbcOperationStore store = database.store().pollInterval(Duration.ofMillis(10)).build();
        JdbcOperationStore other = database.store().build()) {
      store.listen(
          new StoreListener() {
            @Override
            public void queued(String type) {}

            @Override
            public void stopRequested(OperationId id) {
              stops.add(id);
            }

            @Override
            public void changed(OperationId id) {}
          });
      OperationRecord record = queued();
      store.insert(record, false, 10);
      store.claim(new ClaimRequest("t", 1, "node-a"), T0);

      other.requestStop(record.id(), null, T0);

      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> stops.contains(record.id()));
    }
  }
}
