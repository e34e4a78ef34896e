package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.StoreUnavailableException;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store while its database is unreachable, on H2 behind a {@link FailingDataSource} and with no
 * retries: the first call that cannot reach the database opens the breaker; from then on calls made
 * for a caller throw {@link StoreUnavailableException} at once, without asking the pool,
 * housekeeping calls answer "nothing", and a finish is kept; the tick's probe closes the breaker
 * once the database answers, and the kept finish is written. A pool that keeps callers waiting is
 * cut short by the call budget. The outage is logged twice, once when it starts and once when it
 * ends, without a stack trace. {@link RetryTest} covers the retries; {@code
 * DatabaseOutagePostgresIT} a real PostgreSQL stopped under a running node.
 */
final class OutageTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final H2Memory database = new H2Memory();
  private final FailingDataSource dataSource = new FailingDataSource(database.dataSource());
  private final JdbcOperationStore store =
      JdbcOperationStore.builder(dataSource)
          .codec(new JacksonCodec())
          .retry(RetryPolicy.none())
          .callBudget(Duration.ofMillis(200))
          .build();
  private final Logger storeLog = Logger.getLogger("io.github.asyncops.store.jdbc");
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() > Level.FINE.intValue()) {
            logged.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void captureLog() {
    // The tests' logging.properties lets only SEVERE through.
    storeLog.setLevel(Level.FINE);
    storeLog.addHandler(capture);
  }

  @AfterEach
  void close() throws Exception {
    storeLog.removeHandler(capture);
    storeLog.setLevel(null);
    dataSource.release();
    dataSource.fail(false);
    store.close();
    database.close();
  }

  private OperationRecord running() {
    OperationRecord record =
        OperationRecord.queued(
            OperationId.random(), "t", null, null, "s", null, Duration.ofMinutes(5), T0);
    store.insert(record, false, 10);
    return store.claim(new ClaimRequest("t", 1, "node-a"), T0).get(0);
  }

  /** Ticks until the tick's probe found the database answering again. */
  private void awaitRecovery() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              store.tick(T0.plusSeconds(10));
              return !store.databaseDown();
            });
  }

  @Test
  void a_finish_during_an_outage_is_written_when_the_database_answers_again() {
    OperationRecord r = running();
    dataSource.fail(true);

    assertThat(
            store.finish(
                r.id(),
                r.lease().epoch(),
                Ending.succeeded(new Progress(1, "done"), OperationResult.of("r")),
                T0.plusSeconds(5)))
        .isEmpty();
    store.tick(T0.plusSeconds(6));
    assertThat(store.unwrittenFinishes()).isEqualTo(1);

    dataSource.fail(false);
    awaitRecovery();
    store.tick(T0.plusSeconds(11));

    assertThat(store.unwrittenFinishes()).isZero();
    OperationRecord done = store.find(r.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
    assertThat(done.times().finishedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(done.outcome().result()).isEqualTo(OperationResult.of("r"));
    assertThat(done.slot()).isNull();
  }

  @Test
  void upkeep_answers_nothing_and_other_calls_fail_at_once_until_the_probe_finds_the_database() {
    OperationRecord r = running();
    dataSource.fail(true);

    assertThat(store.expire(T0, "node lost", T0)).isEmpty();
    int asked = dataSource.asked.get();
    assertThat(store.evict(T0)).isZero();
    for (ThrowingCallable call :
        List.<ThrowingCallable>of(
            () -> store.claim(new ClaimRequest("t", 1, "node-a"), T0),
            () -> store.heartbeat("node-a", Map.of(r.id(), r.lease().epoch()), T0),
            () -> store.progress(r.id(), r.lease().epoch(), new Progress(0.5, "half"), T0),
            () -> store.find(r.id()),
            () -> store.list(OperationQuery.of("t")),
            () -> store.requestStop(r.id(), null, T0),
            () ->
                store.insert(
                    OperationRecord.queued(
                        OperationId.random(), "t", null, null, null, null, Duration.ZERO, T0),
                    false,
                    10))) {
      assertThatThrownBy(call)
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("the database does not answer (SQLState 08001)")
          .hasMessageNotContaining("unreachable");
    }
    assertThat(dataSource.asked).as("no call asked the pool").hasValue(asked);

    dataSource.fail(false);
    assertThatThrownBy(() -> store.find(r.id())).isInstanceOf(StoreUnavailableException.class);
    awaitRecovery();
    assertThat(store.progress(r.id(), r.lease().epoch(), new Progress(0.5, "half"), T0))
        .isPresent();
    assertThat(store.find(r.id()).orElseThrow().progress().text()).isEqualTo("half");
  }

  @Test
  void a_pool_that_keeps_callers_waiting_is_cut_short_by_the_call_budget() throws Exception {
    OperationRecord r = running();
    dataSource.hang();

    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> store.find(r.id()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("no answer within 200 ms"));
    assertThat(store.databaseDown()).isTrue();
    int handedOut = dataSource.handedOut.size();

    dataSource.release();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> dataSource.handedOut.size() > handedOut);
    Connection late = dataSource.handedOut.get(handedOut);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(late::isClosed);
    awaitRecovery();
    assertThat(store.find(r.id())).isPresent();
  }

  @Test
  void an_outage_is_logged_once_when_it_starts_and_once_when_it_ends_without_a_stack_trace() {
    OperationRecord r = running();
    dataSource.fail(true);

    for (int i = 0; i < 20; i++) {
      store.tick(T0.plusSeconds(i));
      store.expire(T0, "node lost", T0);
      assertThatThrownBy(() -> store.find(r.id())).isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> store.heartbeat("node-a", Map.of(r.id(), 1L), T0))
          .isInstanceOf(StoreUnavailableException.class);
    }
    dataSource.fail(false);
    awaitRecovery();

    assertThat(logged)
        .extracting(LogRecord::getLevel)
        .containsExactly(java.util.logging.Level.WARNING, java.util.logging.Level.INFO);
    assertThat(logged).allSatisfy(record -> assertThat(record.getThrown()).isNull());
    assertThat(logged.get(0).getMessage()).contains("the database does not answer");
    assertThat(logged.get(1).getMessage())
        .contains("the database answers again")
        .contains("store calls were refused meanwhile");
  }
}
