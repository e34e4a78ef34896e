package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 23: the finish-and-claim statement ({@link Sql#handover}) stays cheap under a backlog that
 * its table's statistics have not seen. A node runs it as a prepared statement, so PostgreSQL plans
 * it once, generically, and keeps that plan; a plan that looked the finished rows up through the
 * queue's partial index read the whole backlog at every finish. The table is analyzed while nothing
 * is queued, as a deployment's tables are between bursts, then 50,000 operations are queued.
 */
final class HandoverPlanPostgresIT {
  @RegisterExtension static final PostgresDatabase database = new PostgresDatabase(2);

  private static final int BACKLOG = 50_000;
  private static final int RUNNING = 12;

  private String op;

  @BeforeEach
  void staleStatistics() throws SQLException {
    database.empty();
    op = database.prefix + "operation";
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          rows("'f' || g", "'SUCCEEDED'", 2_000, ", finished_at, evict_at", ", now(), now()"));
      s.execute(rows("'r' || g", "'RUNNING'", RUNNING, ", node, epoch", ", 'n1', 1"));
      s.execute("ANALYZE " + op);
      s.execute(rows("'q' || g", "'QUEUED'", BACKLOG, "", ""));
    }
  }

  @Test
  void postgresKeepsTheGenericPlan() throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("DEALLOCATE ALL");
      s.execute(prepare());
      for (int i = 1; i <= 8; i++) {
        s.execute("EXECUTE h" + arguments("r" + i));
      }
      try (ResultSet r =
          s.executeQuery("SELECT generic_plans FROM pg_prepared_statements WHERE name = 'h'")) {
        r.next();
        assertThat(r.getLong(1)).as("executions on the generic plan").isPositive();
      }
      c.rollback();
    }
  }

  @Test
  void theGenericPlanFindsFinishedRowsByPrimaryKey() throws Exception {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
      s.execute("DEALLOCATE ALL");
      s.execute(prepare());
      JsonNode plan;
      try (ResultSet r =
          s.executeQuery("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE h" + arguments("r1"))) {
        r.next();
        plan = new ObjectMapper().readTree(r.getString(1)).get(0).get("Plan");
      }
      c.rollback();
      long buffers =
          plan.get("Shared Hit Blocks").asLong() + plan.get("Shared Read Blocks").asLong();
      assertThat(buffers)
          .as("buffers for one finish and one claim with %d queued:%n%s", BACKLOG, plan)
          .isLessThan(120);
      assertThat(plan.toString()).doesNotContain("Seq Scan");
    }
  }

  private String rows(String id, String state, int count, String columns, String values) {
    return "INSERT INTO "
        + op
        + " (id, type_name, state, progress_value, created_at, updated_at, retention_ms"
        + columns
        + ") SELECT "
        + id
        + ", 'noop', "
        + state
        + ", 0, now() - interval '1 hour' + g * interval '1 ms', now(), 600000"
        + values
        + " FROM generate_series(1, "
        + count
        + ") g";
  }

  /**
   * The store's statement as an SQL-level prepared statement {@code h}, {@code $n} for {@code ?}.
   */
  private String prepare() {
    String sql = new Sql(new Tables(null, database.prefix), PostgresDialect.INSTANCE).handover;
    StringBuilder numbered = new StringBuilder();
    int n = 0;
    for (char ch : sql.toCharArray()) {
      numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
    }
    return "PREPARE h("
        + String.join(", ", Collections.nCopies(Sql.FINISH_ARRAYS + 1, "text[]"))
        + ", text, timestamptz, timestamptz, timestamptz, text, int) AS "
        + numbered;
  }

  /**
   * Finishes {@code id} (epoch 1) as succeeded, with no error, result or message, and claims one
   * queued operation for node n1.
   */
  private static String arguments(String id) {
    List<String> finish =
        new ArrayList<>(List.of(id, "1", "SUCCEEDED", "1", "done", "2026-12-07T10:00:00Z", "NULL"));
    finish.add("NONE");
    finish.addAll(Collections.nCopies(Sql.FINISH_ARRAYS - finish.size(), "NULL"));
    finish.add(id);
    return finish.stream()
            .map(value -> "'{" + value + "}'")
            .collect(Collectors.joining(", ", "(", ""))
        + ", 'n1', now(), now(), now(), 'noop', 1)";
  }
}
