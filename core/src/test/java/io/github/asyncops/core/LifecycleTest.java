package io.github.asyncops.core;

import static io.github.asyncops.core.OperationState.QUEUED;
import static io.github.asyncops.core.OperationState.RUNNING;
import static io.github.asyncops.core.OperationState.STOPPED;
import static io.github.asyncops.core.OperationState.STOPPING;
import static io.github.asyncops.core.OperationState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.examples.MissileLaunch;
import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.Gate;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole life of an operation, told with the seed's missile launch: start, progress through
 * ping, the end, a stop, and what listeners hear. Failures, policies, capacity and retention have
 * their own tests.
 */
final class LifecycleTest {
  private final Gate gate = new Gate();
  private final EngineFixture fixture = new EngineFixture(new MissileLaunch(4, gate));
  private final OperationEngine engine = fixture.engine;

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void start_gives_the_first_text_and_runs() throws Exception {
    StartOutcome outcome = engine.start(StartRequest.of("missile-launch"));
    gate.awaitArrivals(1);

    OperationSnapshot snapshot = engine.status(outcome.operation().id());
    assertThat(outcome.created()).isTrue();
    assertThat(snapshot.state()).isEqualTo(RUNNING);
    assertThat(snapshot.active()).isTrue();
    assertThat(snapshot.text()).isEqualTo(MissileLaunch.LIFT_OFF);
    assertThat(snapshot.value()).isZero();
    assertThat(snapshot.type()).isEqualTo("missile-launch");
    assertThat(snapshot.createdAt()).isEqualTo(fixture.clock.instant());
    assertThat(snapshot.startedAt()).isEqualTo(fixture.clock.instant());
    assertThat(snapshot.finishedAt()).isNull();
    assertThat(snapshot.pollAfter()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void ping_shows_the_flight_and_the_end_shows_the_boom() throws Exception {
    OperationId id = engine.start(StartRequest.of("missile-launch")).operation().id();

    gate.open(1);
    assertThat(fixture.until(id, s -> s.value() == 0.25).text())
        .isEqualTo(MissileLaunch.flying(25));
    gate.open(2);
    assertThat(fixture.until(id, s -> s.value() == 0.75).text())
        .isEqualTo(MissileLaunch.flying(75));
    gate.open(1);

    OperationSnapshot done = fixture.awaitState(id, SUCCEEDED);
    assertThat(done.value()).isEqualTo(1.0);
    assertThat(done.text()).isEqualTo(MissileLaunch.BOOM);
    assertThat(done.active()).isFalse();
    assertThat(done.finishedAt()).isNotNull();
    assertThat(done.pollAfter()).isNull();
    assertThat(done.error()).isNull();
    assertThat(done.stopRequested()).isFalse();
    assertThat(fixture.statesOf(id)).containsExactly(QUEUED, RUNNING, SUCCEEDED);
  }

  @Test
  void stop_shows_the_cancel_text_then_ends_stopped() throws Exception {
    OperationId id = engine.start(StartRequest.of("missile-launch")).operation().id();
    gate.open(1);
    fixture.until(id, s -> s.value() == 0.25);

    OperationSnapshot stopping = engine.stop(id);

    assertThat(stopping.state()).isIn(STOPPING, STOPPED);
    assertThat(stopping.text()).isEqualTo(MissileLaunch.CANCELLED);
    assertThat(stopping.stopRequested()).isTrue();
    OperationSnapshot stopped = fixture.awaitState(id, STOPPED);
    assertThat(stopped.text()).isEqualTo(MissileLaunch.CANCELLED);
    assertThat(stopped.value()).isEqualTo(0.25);
    assertThat(stopped.error()).isNull();
    assertThat(engine.stop(id)).isEqualTo(stopped);
    assertThat(fixture.statesOf(id)).containsExactly(QUEUED, RUNNING, STOPPING, STOPPED);
  }

  @Test
  void progress_reaches_listeners_once_per_tick_with_the_latest_report() throws Exception {
    OperationId id = engine.start(StartRequest.of("missile-launch")).operation().id();
    gate.open(2);
    fixture.until(id, s -> s.value() == 0.5);

    fixture.tick();
    fixture.tick();

    assertThat(fixture.progressEvents).hasSize(1);
    OperationSnapshot event = fixture.progressEvents.get(0);
    assertThat(event.id()).isEqualTo(id);
    assertThat(event.value()).isEqualTo(0.5);
    assertThat(event.text()).isEqualTo(MissileLaunch.flying(50));
  }

  @Test
  void the_store_keeps_what_pollers_see_so_other_nodes_show_the_same_text() {
    OperationId id = engine.start(StartRequest.of("missile-launch")).operation().id();
    gate.open(1);
    fixture.until(id, s -> s.value() == 0.25);

    fixture.tick();

    assertThat(fixture.store.find(id).orElseThrow().progress().text())
        .isEqualTo(MissileLaunch.flying(25));
  }

  @Test
  void watchers_hear_one_operation_and_are_dropped_at_its_end() throws Exception {
    OperationId id = engine.start(StartRequest.of("missile-launch")).operation().id();
    java.util.List<OperationState> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    Subscription subscription =
        engine.watch(
            id,
            new OperationListener() {
              @Override
              public void stateChanged(OperationSnapshot snapshot) {
                heard.add(snapshot.state());
              }
            });

    gate.open(4);
    fixture.awaitState(id, SUCCEEDED);

    assertThat(heard).containsExactly(SUCCEEDED);
    subscription.close();
  }

  @Test
  void list_shows_operations_of_a_type_newest_first() {
    OperationId first = engine.start(StartRequest.of("missile-launch")).operation().id();
    engine.stop(first);
    fixture.awaitState(first, STOPPED);
    fixture.clock.advance(Duration.ofSeconds(1));
    OperationId second = engine.start(StartRequest.of("missile-launch")).operation().id();

    assertThat(engine.list(OperationQuery.of("missile-launch")))
        .extracting(OperationSnapshot::id)
        .containsExactly(second, first);
    assertThat(engine.list(OperationQuery.of("missile-launch").withActiveOnly(true)))
        .extracting(OperationSnapshot::id)
        .containsExactly(second);
  }
}
