package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.OperationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    return store.claim("t", 1, "node-a", T0).get(0);
  }

  @Test
  void a_finish_during_an_outage_is_written_when_the_database_answers_again() {
    OperationRecord r = running();
    dataSource.fail(true);

    assertThat(
            store.finish(
                r.id(),
                OperationState.SUCCEEDED,
                1,
                "done",
                null,
                OperationResult.of("r"),
                T0.plusSeconds(5)))
        .isEmpty();
    assertThat(store.evict(T0.plusSeconds(6))).isZero();
    assertThat(store.unwrittenFinishes()).isEqualTo(1);

    dataSource.fail(false);
    store.evict(T0.plusSeconds(7));

    assertThat(store.unwrittenFinishes()).isZero();
    OperationRecord done = store.find(r.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
    assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(5));
    assertThat(done.result()).isEqualTo(OperationResult.of("r"));
    assertThat(done.slot()).isNull();
  }

  @Test
  void housekeeping_calls_answer_nothing_during_an_outage_and_caller_calls_throw() {
    OperationRecord r = running();
    dataSource.fail(true);

    assertThat(store.claim("t", 1, "node-a", T0)).isEmpty();
    assertThat(store.heartbeat("node-a", List.of(r.id()), T0)).isEmpty();
    assertThat(store.expire(T0, "node lost", T0)).isEmpty();
    assertThat(store.evict(T0)).isZero();
    store.progress(r.id(), 0.5, "half", T0);

    assertThatThrownBy(() -> store.find(r.id()))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("the database is unreachable");
    assertThatThrownBy(() -> store.list(OperationQuery.of("t")))
        .isInstanceOf(JdbcStoreException.class);
    assertThatThrownBy(() -> store.requestStop(r.id(), null, T0))
        .isInstanceOf(JdbcStoreException.class);

    dataSource.fail(false);
    store.evict(T0.plusSeconds(1));
    assertThat(store.find(r.id()).orElseThrow().text()).isEqualTo("half");
  }
}
