package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 23: the claim on tables analyzed while the queue was empty, as a deployment's tables are
 * after a quiet spell and before a burst. Such statistics once let PostgreSQL run the claim's pick
 * again for rows of its UPDATE, so that one claim took every queued operation of its type and the
 * node ran only what it had asked for; the others stayed running for nobody until the lease failed
 * them. A claim takes at most what it asks for, and the rest stay queued.
 */
final class AnalyzedTablesPostgresIT {
  @RegisterExtension static final PostgresDatabase database = new PostgresDatabase();

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int QUEUED = 300;

  private JdbcOperationStore store;

  @BeforeEach
  void open() throws Exception {
    database.empty();
    store = database.store().build();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void a_claim_on_tables_analyzed_while_the_queue_was_empty_takes_what_it_asks_for()
      throws Exception {
    for (int i = 0; i < 200; i++) {
      OperationRecord r = queued();
      store.insert(r, false, Integer.MAX_VALUE);
      OperationRecord claimed = store.claim(new ClaimRequest("t", 1, "node-a"), T0).get(0);
      store.finish(
          claimed.id(),
          claimed.lease().epoch(),
          Ending.succeeded(new Progress(1, null), OperationResult.none()),
          T0);
    }
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE " + database.prefix + "record");
      s.execute("ANALYZE " + database.prefix + "job");
    }
    for (int i = 0; i < QUEUED; i++) {
      store.insert(queued(), false, Integer.MAX_VALUE);
    }

    for (int round = 0; round < 10; round++) {
      List<OperationRecord> claimed = store.claim(new ClaimRequest("t", 4, "node-a"), T0);
      assertThat(claimed).as("claim %s", round).hasSize(4);
    }

    assertThat(store.summary(T0).counts().get("t"))
        .containsEntry(OperationState.QUEUED, (long) QUEUED - 40)
        .containsEntry(OperationState.RUNNING, 40L);
  }

  private static OperationRecord queued() {
    return OperationRecord.queued(
        OperationId.random(), "t", null, null, null, null, Duration.ofHours(1), T0);
  }
}
