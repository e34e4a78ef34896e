package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the queue limit without a lock or a count per insert. A node counts its own inserts at
 * once, another node's once that node's tick has written them, and a count that drifted (a node
 * that died with changes unwritten) is set right at the next eviction interval.
 */
final class QueueCountTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final List<OperationType> TYPES =
      List.of(OperationType.declare("t", String.class).build());
  private static final int LIMIT = 3;

  private final H2Memory database = new H2Memory();
  private final JdbcOperationStore a = store();
  private final JdbcOperationStore b = store();

  /** A store whose first eviction interval (and count of the queue) started at T0. */
  private JdbcOperationStore store() {
    JdbcOperationStore store = database.store().evictInterval(Duration.ofSeconds(10)).build();
    store.register(TYPES);
    store.tick(T0);
    return store;
  }

  @AfterEach
  void close() throws Exception {
    a.close();
    b.close();
    database.close();
  }

  private static InsertResult insert(JdbcOperationStore store) {
    return store.insert(
        OperationRecord.queued(
            OperationId.random(), "t", null, null, null, "p", Duration.ofMinutes(5), T0),
        false,
        LIMIT);
  }

  @Test
  void a_node_counts_its_own_inserts_before_its_tick_writes_them() {
    for (int i = 0; i < LIMIT; i++) {
      assertThat(insert(a)).isInstanceOf(InsertResult.Inserted.class);
    }

    assertThat(insert(a)).isEqualTo(new InsertResult.Full(LIMIT));
  }

  @Test
  void another_nodes_inserts_count_once_its_tick_wrote_them() {
    insert(a);
    insert(a);
    assertThat(insert(b))
        .as("a's inserts are not written yet")
        .isInstanceOf(InsertResult.Inserted.class);

    a.tick(T0.plusSeconds(1));

    assertThat(insert(b)).isEqualTo(new InsertResult.Full(LIMIT));
  }

  @Test
  void a_drifted_count_is_set_right_at_the_next_eviction_interval() throws Exception {
    insert(a);
    a.tick(T0.plusSeconds(1));
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE asyncops_queue SET queued = queued + 100 WHERE shard = 5");
    }
    assertThat(insert(a)).isInstanceOf(InsertResult.Full.class);

    a.tick(T0.plusSeconds(5));
    assertThat(insert(a))
        .as("not counted again before the interval")
        .isInstanceOf(InsertResult.Full.class);

    a.tick(T0.plusSeconds(10));
    assertThat(insert(a)).isInstanceOf(InsertResult.Inserted.class);
    assertThat(insert(a)).isInstanceOf(InsertResult.Inserted.class);
    assertThat(insert(a)).isEqualTo(new InsertResult.Full(LIMIT));
  }
}
