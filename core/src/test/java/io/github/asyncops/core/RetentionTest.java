package io.github.asyncops.core;

import static io.github.asyncops.core.OperationState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.testing.DirectExecutor;
import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What happens to finished operations: results, retention, eviction, forgetting, and the difference
 * between "gone" and "not found".
 */
final class RetentionTest {
  private static final Duration RETENTION = Duration.ofMinutes(10);
  private final Gate gate = new Gate();
  private final EngineFixture fixture =
      new EngineFixture(
          TestProvider.of(
                  "report",
                  p ->
                      c -> {
                        gate.pass(c);
                        return p == null ? OperationResult.none() : OperationResult.of(p);
                      })
              .retention(RETENTION));
  private final OperationEngine engine = fixture.engine;

  @AfterEach
  void close() {
    gate.open(100);
    fixture.close();
  }

  private OperationId finished(Object parameters) {
    OperationId id =
        engine.start(StartRequest.of("report").withParameters(parameters)).operation().id();
    gate.open(1);
    fixture.awaitState(id, SUCCEEDED);
    return id;
  }

  @Test
  void a_finished_operation_is_kept_for_its_retention_then_gone() {
    OperationId id = finished("42 rows");

    fixture.clock.advance(RETENTION.minusSeconds(1));
    fixture.tick();
    assertThat(engine.status(id).state()).isEqualTo(SUCCEEDED);
    assertThat(engine.result(id)).contains(OperationResult.of("42 rows"));

    fixture.clock.advance(Duration.ofSeconds(1));
    fixture.tick();
    assertThatThrownBy(() -> engine.status(id))
        .isInstanceOf(OperationGoneException.class)
        .hasMessageContaining(id.value());
    assertThatThrownBy(() -> engine.result(id)).isInstanceOf(OperationGoneException.class);
    assertThatThrownBy(() -> engine.stop(id)).isInstanceOf(OperationGoneException.class);
  }

  @Test
  void an_id_that_never_existed_is_not_found() {
    OperationId never = OperationId.random();

    assertThatThrownBy(() -> engine.status(never))
        .isInstanceOf(OperationNotFoundException.class)
        .hasMessageContaining(never.value());
    assertThatThrownBy(() -> engine.stop(never)).isInstanceOf(OperationNotFoundException.class);
    assertThatThrownBy(() -> engine.watch(never, new OperationListener() {}))
        .isInstanceOf(OperationNotFoundException.class);
  }

  @Test
  void the_result_is_unavailable_while_active_and_empty_when_there_is_none() {
    OperationId active = engine.start(StartRequest.of("report")).operation().id();

    assertThatThrownBy(() -> engine.result(active))
        .isInstanceOf(OperationActiveException.class)
        .hasMessageContaining("while it is active");
    gate.open(1);
    fixture.awaitState(active, SUCCEEDED);
    assertThat(engine.status(active).resultAvailable()).isFalse();
    assertThat(engine.result(active)).isEmpty();
  }

  @Test
  void forget_refuses_an_active_operation_and_removes_a_finished_one_at_once() {
    OperationId id = engine.start(StartRequest.of("report")).operation().id();
    assertThatThrownBy(() -> engine.forget(id)).isInstanceOf(OperationActiveException.class);
    assertThat(engine.status(id).active()).isTrue();

    gate.open(1);
    fixture.awaitState(id, SUCCEEDED);
    engine.forget(id);

    assertThatThrownBy(() -> engine.status(id)).isInstanceOf(OperationGoneException.class);
  }

  @Test
  void parameters_of_the_wrong_class_are_refused_before_anything_is_stored() {
    OperationEngine typed =
        new EngineFixture(new io.github.asyncops.core.testing.EchoProvider()).engine;
    try {
      assertThatThrownBy(() -> typed.start(StartRequest.of("echo").withParameters(42)))
          .isInstanceOf(InvalidParametersException.class)
          .hasMessageContaining("java.lang.String")
          .hasMessageContaining("java.lang.Integer");
      assertThatThrownBy(() -> typed.start(StartRequest.of("nope")))
          .isInstanceOfSatisfying(
              UnknownOperationTypeException.class, e -> assertThat(e.type()).isEqualTo("nope"));
    } finally {
      typed.close();
    }
  }

  @Test
  void a_start_whose_operation_ends_and_is_evicted_before_it_returns_still_answers() {
    EngineFixture[] self = new EngineFixture[1];
    EngineFixture direct =
        new EngineFixture(
            b ->
                b.executor(new DirectExecutor())
                    .listener(
                        new OperationListener() {
                          @Override
                          public void stateChanged(OperationSnapshot snapshot) {
                            if (!snapshot.active()) {
                              self[0].tick();
                            }
                          }
                        }),
            TestProvider.of("instant", p -> c -> OperationResult.none()).retention(Duration.ZERO));
    self[0] = direct;
    try {
      StartOutcome outcome = direct.engine.start(StartRequest.of("instant"));

      assertThat(outcome.created()).isTrue();
      assertThatThrownBy(() -> direct.engine.status(outcome.operation().id()))
          .isInstanceOf(OperationGoneException.class);
    } finally {
      direct.close();
    }
  }
}
