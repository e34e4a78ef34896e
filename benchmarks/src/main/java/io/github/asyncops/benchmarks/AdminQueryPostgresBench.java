package io.github.asyncops.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.store.jdbc.JdbcOperationStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How long the operator console's reads take on a PostgreSQL store holding 200,000 records: the
 * first page (50 rows) of a few filter combinations, a page deep in the listing through the keyset
 * cursor, and the summary. The records are bulk-inserted in one {@code INSERT ... SELECT} over
 * {@code generate_series}, spread over the week before the run: 10 types, 100 owners, 4 nodes; 85%
 * succeeded, 5% failed, 3% stopped, 4% queued, 2.5% running, 0.5% stopping. The tables are then
 * vacuumed and analyzed, as autovacuum leaves a table in service. Each read runs 20 times to warm
 * up and 200 times measured, one after the other on one connection of the store's pool; the figures
 * are p50, p99 and the longest, in milliseconds, and the load average while it ran.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.asyncops.benchmarks.AdminQueryPostgresBench}; the database comes from the same system
 * properties as {@link JdbcClusterBench}; {@code -Dasyncops.bench.keep=true} keeps the schema for
 * {@code EXPLAIN}. Goal: every p99 under 50 ms.
 */
public final class AdminQueryPostgresBench {
  private static final String URL =
      System.getProperty("asyncops.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/asyncops");
  private static final String USER = System.getProperty("asyncops.jdbc.user", "asyncops");
  private static final String PASSWORD = System.getProperty("asyncops.jdbc.password", "asyncops");

  /** How many records the store holds. */
  private static final int RECORDS = 200_000;

  /** The console's page size. */
  private static final int PAGE = 50;

  private static final int WARM_UP = 20;
  private static final int MEASURED = 200;

  private AdminQueryPostgresBench() {}

  /**
   * Fills a fresh schema, measures and prints each read's latency.
   *
   * @param args none
   * @throws Exception if the database fails
   */
  public static void main(String[] args) throws Exception {
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "");
    sql("CREATE SCHEMA " + schema);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(URL + "?currentSchema=" + schema);
    config.setUsername(USER);
    config.setPassword(PASSWORD);
    config.setMaximumPoolSize(2);
    Instant now = Instant.now();
    try (HikariDataSource pool = new HikariDataSource(config);
        JdbcOperationStore store = JdbcOperationStore.builder(pool).build()) {
      List<OperationType> types = new ArrayList<>();
      for (int t = 0; t < 10; t++) {
        types.add(OperationType.declare("type" + t, Object.class).build());
      }
      store.register(types);
      long filling = System.nanoTime();
      fill(schema, now);
      System.out.printf(
          "%,d records inserted and analyzed in %.1f s%n",
          RECORDS, (System.nanoTime() - filling) / 1e9);

      OperationQuery all = OperationQuery.all().withLimit(PAGE);
      Map<String, Supplier<?>> reads = new LinkedHashMap<>();
      reads.put("list: every type", () -> store.list(all));
      reads.put("list: one type", () -> store.list(all.withType("type3")));
      reads.put("list: failed", () -> store.list(all.withStates(Set.of(OperationState.FAILED))));
      reads.put(
          "list: running on node-2",
          () ->
              store.list(
                  all.withNode("node-2")
                      .withStates(Set.of(OperationState.RUNNING, OperationState.STOPPING))));
      reads.put(
          "list: one type, one owner",
          () -> store.list(all.withType("type3").withOwner("owner-43")));
      reads.put(
          "list: one type, an owner without any",
          () -> store.list(all.withType("type3").withOwner("owner-42")));
      reads.put(
          "list: created 2-3 days ago",
          () ->
              store.list(
                  all.withCreated(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)))));
      reads.put("list: id prefix 'Ab'", () -> store.list(all.withIdPrefix("Ab")));
      List<OperationRecord> deep = store.list(all.withLimit(RECORDS / 2));
      OperationQuery.Cursor middle = OperationQuery.Cursor.of(deep.get(deep.size() - 1));
      reads.put("list: page after 100,000 (cursor)", () -> store.list(all.withAfter(middle)));
      reads.put("summary", () -> store.summary(Instant.now()));

      System.out.printf("%-36s %8s %8s %8s%n", "read", "p50 ms", "p99 ms", "max ms");
      for (Map.Entry<String, Supplier<?>> read : reads.entrySet()) {
        double[] ms = measure(read.getValue());
        System.out.printf(
            "%-36s %8.2f %8.2f %8.2f%n",
            read.getKey(), at(ms, 0.50), at(ms, 0.99), ms[ms.length - 1]);
      }
      System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    } finally {
      if (Boolean.getBoolean("asyncops.bench.keep")) {
        System.out.println("kept schema " + schema + " for EXPLAIN");
      } else {
        sql("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  /** Times one read, sorted, in milliseconds. */
  private static double[] measure(Supplier<?> read) {
    for (int i = 0; i < WARM_UP; i++) {
      read.get();
    }
    double[] ms = new double[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      read.get();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  private static double at(double[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
  }

  /**
   * Inserts the records in one statement. The state follows {@code i % 200}; ids are 22 characters
   * of base64url from an MD5 of the number, as random as the store's own.
   */
  private static void fill(String schema, Instant now) throws SQLException {
    String state =
        "CASE WHEN i % 200 < 170 THEN 'SUCCEEDED' WHEN i % 200 < 180 THEN 'FAILED'"
            + " WHEN i % 200 < 186 THEN 'STOPPED' WHEN i % 200 < 194 THEN 'QUEUED'"
            + " WHEN i % 200 < 199 THEN 'RUNNING' ELSE 'STOPPING' END";
    String insert =
        "INSERT INTO "
            + schema
            + ".asyncops_operation (id, type_name, state, progress_value, progress_text,"
            + " owner_name, created_at, started_at, updated_at, finished_at, evict_at, error,"
            + " node, heartbeat_at, retention_ms, epoch)"
            + " SELECT id, 'type' || (i % 10), st, 1, 'done', 'owner-' || (i % 100), created,"
            + " CASE WHEN st IN ('QUEUED', 'STOPPED') THEN NULL ELSE created END, created,"
            + " CASE WHEN st IN ('SUCCEEDED', 'FAILED', 'STOPPED') THEN created END,"
            + " CASE WHEN st IN ('SUCCEEDED', 'FAILED', 'STOPPED')"
            + " THEN created + INTERVAL '30 days' END,"
            + " CASE WHEN st = 'FAILED' THEN 'it broke' END,"
            + " CASE WHEN st IN ('QUEUED', 'STOPPED') THEN NULL ELSE 'node-' || (i % 4) END,"
            + " CASE WHEN st IN ('RUNNING', 'STOPPING') THEN created END,"
            + " 2592000000, CASE WHEN st IN ('QUEUED', 'STOPPED') THEN 0 ELSE 1 END"
            + " FROM (SELECT i, "
            + state
            + " AS st, substr(translate(encode(decode(md5(i::text), 'hex'), 'base64'),"
            + " '+/', '-_'), 1, 22) AS id,"
            + " TIMESTAMPTZ '"
            + now
            + "' - (i * INTERVAL '1 second' * 604800 / "
            + RECORDS
            + ") AS created FROM generate_series(1, "
            + RECORDS
            + ") AS i) AS g";
    sql(insert);
    sql(
        "UPDATE "
            + schema
            + ".asyncops_queue SET queued = (SELECT count(*) FROM "
            + schema
            + ".asyncops_operation WHERE state = 'QUEUED') WHERE shard = 0");
    sql("VACUUM ANALYZE " + schema + ".asyncops_operation");
  }

  private static void sql(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
