package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node on an H2 file database that crashes and starts again: finished results survive, and the
 * operation that was running when it crashed shows as running until the lease passes, then fails as
 * "node lost". The crash is the first node losing its database for good ({@link FailingDataSource})
 * while its worker still runs, which closes the H2 file; the restart opens the file again with a
 * new store and engine. A manual clock and scheduler drive the lease.
 */
final class H2RestartTest {
  private static final Duration LEASE = Duration.ofSeconds(2);

  @TempDir Path directory;

  private final Gate gate = new Gate();
  private final ManualClock clock = new ManualClock();
  private final List<JdbcOperationStore> stores = new ArrayList<>();

  private OperationEngine engine(String node, DataSource dataSource, ManualScheduler scheduler) {
    JdbcOperationStore store =
        JdbcOperationStore.builder(dataSource)
            .codec(new JacksonCodec())
            .retry(RetryPolicy.none())
            .build();
    stores.add(store);
    return OperationEngine.builder()
        .discover(false)
        .nodeId(node)
        .store(store)
        .clock(clock)
        .scheduler(scheduler)
        .heartbeatInterval(Duration.ofMillis(500))
        .lease(LEASE)
        .stopGrace(Duration.ofMillis(100))
        .worker(TestProvider.of("report", p -> c -> OperationResult.of(Map.of("pages", 3))))
        .worker(
            TestProvider.of(
                "flight",
                p ->
                    c -> {
                      gate.pass(c);
                      return OperationResult.none();
                    }))
        .build();
  }

  private static OperationSnapshot awaitState(
      OperationEngine engine, OperationId id, OperationState state) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(2))
        .until(() -> engine.status(id), s -> s.state() == state);
  }

  @Test
  void a_restarted_node_keeps_finished_results_and_fails_the_interrupted_operation()
      throws Exception {
    JdbcDataSource file = new JdbcDataSource();
    file.setURL("jdbc:h2:file:" + directory.resolve("operations"));
    FailingDataSource firstLife = new FailingDataSource(file);
    OperationEngine before = engine("before", firstLife, new ManualScheduler());
    OperationId report = before.start(StartRequest.of("report")).operation().id();
    awaitState(before, report, OperationState.SUCCEEDED);
    OperationId flight = before.start(StartRequest.of("flight")).operation().id();
    gate.awaitArrivals(1);

    firstLife.fail(true);
    ManualScheduler scheduler = new ManualScheduler();
    try (OperationEngine after = engine("after", file, scheduler)) {
      assertThat(after.result(report)).contains(OperationResult.of(Map.of("pages", 3)));
      assertThat(after.status(flight).state()).isEqualTo(OperationState.RUNNING);

      clock.advance(LEASE.plusMillis(1));
      scheduler.tick();

      OperationSnapshot lost = after.status(flight);
      assertThat(lost.state()).isEqualTo(OperationState.FAILED);
      assertThat(lost.error()).isEqualTo("the server running the operation was lost");
    } finally {
      gate.open(1);
      before.close();
      stores.forEach(JdbcOperationStore::close);
    }
  }
}
