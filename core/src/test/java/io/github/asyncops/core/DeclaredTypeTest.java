package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.store.InMemoryOperationStore;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.ManualClock;
import io.github.asyncops.testing.ManualScheduler;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 24: a web node declares a type by name, parameter class and policy, with no provider, and
 * starts, lists, stops and follows operations that a worker node sharing its store runs; a node
 * that does not run a type never makes one of its workers.
 */
final class DeclaredTypeTest {
  private final Gate gate = new Gate();
  private final ManualClock clock = new ManualClock();
  private final InMemoryOperationStore store = new InMemoryOperationStore();
  private final List<String> workersMade = new CopyOnWriteArrayList<>();
  private final ManualScheduler webScheduler = new ManualScheduler();
  private final ManualScheduler workerScheduler = new ManualScheduler();
  private final OperationEngine web =
      base(webScheduler, "web")
          .declare(
              OperationType.declare("export", Void.class)
                  .title("Export")
                  .scope(Scope.GLOBAL)
                  .build())
          .build();
  private final OperationEngine worker =
      base(workerScheduler, "worker").worker(provider("worker")).build();

  private OperationEngine.Builder base(ManualScheduler scheduler, String node) {
    return OperationEngine.builder()
        .discover(false)
        .nodeId(node)
        .store(store)
        .clock(clock)
        .scheduler(scheduler);
  }

  private TestProvider provider(String node) {
    return TestProvider.of(
            "export",
            p -> {
              workersMade.add(node);
              return c -> {
                gate.pass(c);
                return OperationResult.none();
              };
            })
        .scope(Scope.GLOBAL);
  }

  @AfterEach
  void close() {
    gate.open(100);
    web.close();
    worker.close();
  }

  private OperationSnapshot awaitState(OperationId id, OperationState state) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              workerScheduler.tick();
              return web.status(id);
            },
            s -> s.state() == state);
  }

  @Test
  void a_web_node_starts_and_follows_an_operation_that_the_worker_node_runs() throws Exception {
    OperationId id = web.start(StartRequest.of("export")).operation().id();

    awaitState(id, OperationState.RUNNING);
    gate.awaitArrivals(1);
    assertThat(web.list(OperationQuery.of("export")))
        .extracting(OperationSnapshot::id)
        .contains(id);
    assertThat(web.types()).extracting(OperationType::title).containsExactly("Export");
    gate.open(1);

    assertThat(awaitState(id, OperationState.SUCCEEDED).node()).isEqualTo("worker");
    assertThat(workersMade).containsExactly("worker");
  }

  @Test
  void a_web_node_stops_an_operation_that_runs_on_the_worker_node() throws Exception {
    OperationId id = web.start(StartRequest.of("export")).operation().id();
    awaitState(id, OperationState.RUNNING);
    gate.awaitArrivals(1);

    web.stop(id);
    clock.advance(Duration.ofSeconds(5));

    awaitState(id, OperationState.STOPPED);
  }

  @Test
  void a_node_that_does_not_run_workers_makes_none_even_with_the_provider() {
    try (OperationEngine client =
        base(new ManualScheduler(), "client")
            .worker(provider("client"))
            .runsWorkers(false)
            .build()) {
      OperationId id = client.start(StartRequest.of("export")).operation().id();

      assertThat(client.status(id).state()).isEqualTo(OperationState.QUEUED);
      assertThat(workersMade).isEmpty();
    }
  }

  @Test
  void a_declaration_checks_its_parts_and_names_the_wrong_one() {
    assertThatThrownBy(() -> OperationType.declare("Export!", Void.class).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name 'Export!'");
    assertThatThrownBy(() -> OperationType.declare("export", Void.class).maxConcurrent(0).build())
        .hasMessageContaining("maxConcurrent");
    assertThatThrownBy(
            () -> OperationType.declare("export", Void.class).pollInterval(Duration.ZERO).build())
        .hasMessageContaining("pollInterval");
    assertThatThrownBy(() -> OperationType.declare("export", null).build())
        .hasMessageContaining("parameterType");
  }

  @Test
  void a_type_both_declared_and_provided_on_one_node_fails_the_build_naming_both() {
    OperationEngine.Builder both =
        base(new ManualScheduler(), "both")
            .worker(provider("both"))
            .declare(OperationType.declare("export", Void.class).build());

    assertThatThrownBy(both::build)
        .isInstanceOf(WorkerDiscoveryException.class)
        .hasMessageContaining("duplicate operation type name 'export'")
        .hasMessageContaining(TestProvider.class.getName())
        .hasMessageContaining("a declaration");
  }

  @Test
  void a_start_of_a_type_no_node_declared_names_the_type() {
    assertThatThrownBy(() -> web.start(StartRequest.of("import")))
        .isInstanceOf(UnknownOperationTypeException.class)
        .hasMessageContaining("'import'");
  }
}
