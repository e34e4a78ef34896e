package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store while its database is unreachable, on H2 behind a {@link FailingDataSource} and with no
 * retries: calls made for a caller throw, housekeeping calls answer "nothing" and try again at the
 * next tick, and a finish is kept and written once the database answers. {@link RetryTest} covers
 * the retries themselves.
 */
final class OutageTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private final H2Memory database = new H2Memory();
  private final FailingDataSource dataSource = new FailingDataSource(database.dataSource());
  private final JdbcOperationStore store =
      JdbcOperationStore.builder(dataSource)
          .codec(new JacksonCodec())
          .retry(RetryPolicy.none())
          .build();

  @AfterEach
  void close() throws Exception {
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
    store.tick(T0.plusSeconds(7));

    assertThat(store.unwrittenFinishes()).isZero();
    OperationRecord done = store.find(r.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
    assertThat(done.times().finishedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(done.outcome().result()).isEqualTo(OperationResult.of("r"));
    assertThat(done.slot()).isNull();
  }

  @Test
  void upkeep_answers_nothing_during_an_outage_and_other_calls_throw_for_the_engine_to_retry() {
    OperationRecord r = running();
    dataSource.fail(true);

    assertThat(store.expire(T0, "node lost", T0)).isEmpty();
    assertThat(store.evict(T0)).isZero();
    for (ThrowingCallable call :
        List.<ThrowingCallable>of(
            () -> store.claim(new ClaimRequest("t", 1, "node-a"), T0),
            () -> store.heartbeat("node-a", Map.of(r.id(), r.lease().epoch()), T0),
            () -> store.progress(r.id(), r.lease().epoch(), new Progress(0.5, "half"), T0),
            () -> store.find(r.id()),
            () -> store.list(OperationQuery.of("t")),
            () -> store.requestStop(r.id(), null, T0))) {
      assertThatThrownBy(call)
          .isInstanceOf(JdbcStoreException.class)
          .hasMessageContaining("the database is unreachable");
    }

    dataSource.fail(false);
    assertThat(store.progress(r.id(), r.lease().epoch(), new Progress(0.5, "half"), T0))
        .isPresent();
    assertThat(store.find(r.id()).orElseThrow().progress().text()).isEqualTo("half");
  }
}
