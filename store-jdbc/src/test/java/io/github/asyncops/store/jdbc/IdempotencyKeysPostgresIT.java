package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.IdempotencyKeyReusedException;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartOutcome;
import io.github.asyncops.core.StartPolicy;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Idempotency keys across two nodes on one PostgreSQL, as behind a load balancer: a start retried
 * on the other node answers with the same operation, another fingerprint is refused there, and
 * racing starts with one key on both nodes start one operation that runs once. Tables of an earlier
 * version get the key's columns and index from the same DDL.
 */
final class IdempotencyKeysPostgresIT {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  @RegisterExtension static final PostgresDatabase database = new PostgresDatabase();

  private final Gate gate = new Gate();
  private final Map<OperationId, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final List<Node> nodes = new ArrayList<>();

  @BeforeEach
  void emptyTables() throws Exception {
    database.empty();
  }

  @AfterEach
  void closeNodes() {
    gate.open(10_000);
    nodes.forEach(Node::close);
  }

  /** A node that runs "flight": GLOBAL and REJECT, counts its runs, waits at the gate. */
  private Node node(String name) {
    Node node =
        new Node(
            name,
            database,
            b -> b,
            b ->
                b.worker(
                    TestProvider.of(
                            "flight",
                            p ->
                                c -> {
                                  runs.computeIfAbsent(c.id(), id -> new AtomicInteger())
                                      .incrementAndGet();
                                  gate.pass(c);
                                  return OperationResult.none();
                                })
                        .scope(Scope.GLOBAL)
                        .policy(StartPolicy.REJECT)));
    nodes.add(node);
    return node;
  }

  private static StartRequest flight(String key, String fingerprint) {
    return StartRequest.of("flight").withOwner("ann").withIdempotencyKey(key, fingerprint);
  }

  @Test
  void a_start_retried_on_the_other_node_answers_with_the_same_operation() {
    Node a = node("node-a");
    Node b = node("node-b");

    StartOutcome first = a.engine.start(flight("k-1", "fp"));
    StartOutcome retry = b.engine.start(flight("k-1", "fp"));

    assertThat(first.created()).isTrue();
    assertThat(retry.created()).isFalse();
    assertThat(retry.operation().id()).isEqualTo(first.operation().id());
    assertThat(b.engine.list(OperationQuery.of("flight"))).hasSize(1);

    gate.open(1);
    awaitSucceeded(b, first.operation().id());
    StartOutcome late = b.engine.start(flight("k-1", "fp"));
    assertThat(late.created()).isFalse();
    assertThat(late.operation().state()).isEqualTo(OperationState.SUCCEEDED);
    assertThat(runs.get(first.operation().id())).hasValue(1);
  }

  @Test
  void the_other_node_refuses_the_key_with_another_fingerprint() {
    Node a = node("node-a");
    Node b = node("node-b");
    a.engine.start(flight("k-1", "fp"));

    assertThatThrownBy(() -> b.engine.start(flight("k-1", "other")))
        .isInstanceOf(IdempotencyKeyReusedException.class)
        .hasMessageContaining("already used for a start with other parameters");
    assertThat(a.engine.list(OperationQuery.of("flight"))).hasSize(1);
  }

  @Test
  void racing_starts_with_one_key_on_both_nodes_start_one_operation_that_runs_once()
      throws Exception {
    List<Node> both = List.of(node("node-a"), node("node-b"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 5; round++) {
        String key = "race-" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<StartOutcome>> starts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          Node node = both.get(i % 2);
          starts.add(
              pool.submit(
                  () -> {
                    go.await();
                    return node.engine.start(flight(key, "fp"));
                  }));
        }
        go.countDown();
        List<StartOutcome> outcomes = new ArrayList<>();
        for (Future<StartOutcome> start : starts) {
          outcomes.add(start.get(30, TimeUnit.SECONDS));
        }
        assertThat(outcomes).filteredOn(StartOutcome::created).as(key).hasSize(1);
        OperationId id = outcomes.get(0).operation().id();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.operation().id()).isEqualTo(id));
        gate.open(1);
        awaitSucceeded(both.get(0), id);
        assertThat(runs.get(id)).as(key).hasValue(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tables_of_an_earlier_version_get_the_key_columns_and_index_from_the_same_ddl()
      throws Exception {
    String table = database.prefix + "operation";
    database.store().build().close();
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER TABLE " + table + " DROP COLUMN idem_key, DROP COLUMN idem_fingerprint");
    }

    try (JdbcOperationStore store = database.store().build()) {
      OperationRecord first =
          queued().withIdempotency(new OperationRecord.Idempotency("k-1", "fp"));
      store.insert(first, false, 10);
      assertThat(
              store.insert(
                  queued().withIdempotency(new OperationRecord.Idempotency("k-1", "fp")),
                  false,
                  10))
          .isEqualTo(new InsertResult.Replay(first));
    }
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet index =
            s.executeQuery(
                "SELECT indexdef FROM pg_indexes WHERE indexname = '" + table + "_idem'")) {
      assertThat(index.next()).isTrue();
      assertThat(index.getString(1)).contains("UNIQUE", "(type_name, idem_key)");
    }
  }

  private static OperationRecord queued() {
    return OperationRecord.queued(
        OperationId.random(),
        "flight",
        "ann",
        null,
        null,
        null,
        Duration.ofMinutes(1),
        Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static void awaitSucceeded(Node node, OperationId id) {
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> node.engine.status(id).state() == OperationState.SUCCEEDED);
  }
}
