package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12: what an operation and an idle node cost on PostgreSQL, counted by a {@link
 * CountingDataSource} around the store's pool: at most three transactions per operation on the
 * happy path (insert, claim, finish), also with an idempotency key, two with a backlog (insert,
 * then a finish that claims the next), and at most one statement a second on an idle node. Counts,
 * not times; a failing count prints the statement log. The housekeeping tick is driven by hand, so
 * the per-operation counts hold no housekeeping.
 */
final class StatementCountPostgresIT {
  @RegisterExtension static final PostgresDatabase database = new PostgresDatabase();

  private static final int OPERATIONS = 200;
  private static final int WORKERS = 8;

  private final HikariDataSource pool = PostgresDatabase.pool(4);
  private final CountingDataSource counting = new CountingDataSource(pool);
  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private volatile CountDownLatch done = new CountDownLatch(0);

  @BeforeEach
  void emptyTables() throws Exception {
    database.empty();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    pool.close();
  }

  private OperationEngine engine(boolean listen) {
    return engine(listen, true);
  }

  private OperationEngine engine(boolean listen, boolean runsWorkers) {
    JdbcOperationStore store =
        JdbcOperationStore.builder(counting)
            .tablePrefix(database.prefix)
            .codec(new JacksonCodec())
            .listen(listen)
            .build();
    OperationEngine engine =
        OperationEngine.builder()
            .discover(false)
            .store(store)
            .clock(clock)
            .scheduler(scheduler)
            .maxRunning(WORKERS)
            .listener(
                new OperationListener() {
                  @Override
                  public void stateChanged(OperationSnapshot snapshot) {
                    if (snapshot.state() == OperationState.SUCCEEDED) {
                      done.countDown();
                    }
                  }
                })
            .queueCapacity(OPERATIONS)
            .runsWorkers(runsWorkers)
            .worker(
                TestProvider.of("noop", p -> c -> OperationResult.none())
                    .maxConcurrent(WORKERS)
                    .retention(Duration.ofHours(1)))
            .build();
    closing.add(0, store);
    closing.add(0, engine);
    return engine;
  }

  @Test
  void an_operation_costs_at_most_three_transactions_and_three_statements_on_the_happy_path()
      throws Exception {
    OperationEngine engine = engine(true);
    done = new CountDownLatch(OPERATIONS);
    scheduler.tick();
    counting.reset();

    for (int i = 0; i < OPERATIONS; i++) {
      engine.start(StartRequest.of("noop"));
    }
    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();

    // Three per operation, and at the end of the burst at most one claim per worker thread that
    // finds the queue empty.
    assertThat(counting.transactions.get())
        .as("transactions for %s operations; %s", OPERATIONS, counting.summary())
        .isLessThanOrEqualTo(3 * OPERATIONS + WORKERS);
    assertThat(counting.statements.get())
        .as("statements for %s operations; %s", OPERATIONS, counting.summary())
        .isLessThanOrEqualTo(3 * OPERATIONS + WORKERS);
  }

  @Test
  void an_idempotency_key_costs_no_statement_more() throws Exception {
    OperationEngine engine = engine(true);
    done = new CountDownLatch(OPERATIONS);
    scheduler.tick();
    counting.reset();

    for (int i = 0; i < OPERATIONS; i++) {
      engine.start(StartRequest.of("noop").withIdempotencyKey("key-" + i, "fp"));
    }
    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();

    assertThat(counting.transactions.get())
        .as("transactions for %s operations; %s", OPERATIONS, counting.summary())
        .isLessThanOrEqualTo(3 * OPERATIONS + WORKERS);
    assertThat(counting.statements.get())
        .as("statements for %s operations; %s", OPERATIONS, counting.summary())
        .isLessThanOrEqualTo(3 * OPERATIONS + WORKERS);
  }

  @Test
  void a_backlog_costs_at_most_two_transactions_per_operation() throws Exception {
    OperationEngine web = engine(true, false);
    done = new CountDownLatch(OPERATIONS);
    counting.reset();
    for (int i = 0; i < OPERATIONS; i++) {
      web.start(StartRequest.of("noop"));
    }

    // The worker node finds the backlog when it starts listening; each worker thread that ends an
    // operation finishes it and claims the next in one statement.
    engine(true, true);
    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();

    assertThat(counting.transactions.get())
        .as("transactions for %s operations; %s", OPERATIONS, counting.summary())
        .isLessThanOrEqualTo(2 * OPERATIONS + 2 * WORKERS);
  }

  @Test
  void an_idle_node_makes_at_most_one_statement_a_second() {
    engine(true);
    scheduler.tick();
    counting.reset();

    for (int i = 0; i < 600; i++) {
      clock.advance(Duration.ofMillis(100));
      scheduler.tick();
    }

    assertThat(counting.statements.get())
        .as("statements in 60 idle seconds: %s", counting.log)
        .isLessThanOrEqualTo(60);
  }
}
