package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JOIN, REJECT and RESTART under each scope: what a second start does while the first is active, in
 * the same scope slot and in another one.
 */
final class StartPolicyTest {
  private final Gate gate = new Gate();
  private EngineFixture fixture;

  @AfterEach
  void close() {
    fixture.close();
  }

  private OperationEngine engine(Scope scope, StartPolicy policy) {
    fixture =
        new EngineFixture(
            TestProvider.of(
                    "job",
                    p ->
                        c -> {
                          gate.pass(c);
                          return OperationResult.none();
                        })
                .scope(scope)
                .policy(policy));
    return fixture.engine;
  }

  /** A request in the slot "alice/k1" (owner alice, key k1). */
  private static StartRequest first() {
    return StartRequest.of("job").withOwner("alice").withKey("k1");
  }

  /** A request in the same slot as {@link #first()} for the given scope. */
  private static StartRequest sameSlot(Scope scope) {
    return switch (scope) {
      case GLOBAL -> StartRequest.of("job").withOwner("bob").withKey("k2");
      case USER -> StartRequest.of("job").withOwner("alice").withKey("k2");
      case KEY, NONE -> StartRequest.of("job").withOwner("bob").withKey("k1");
    };
  }

  /** A request in another slot than {@link #first()}; GLOBAL has no other slot. */
  private static StartRequest otherSlot(Scope scope) {
    return switch (scope) {
      case USER -> StartRequest.of("job").withOwner("bob").withKey("k1");
      case KEY -> StartRequest.of("job").withOwner("alice").withKey("k2");
      case GLOBAL, NONE -> throw new IllegalArgumentException("no other slot in " + scope);
    };
  }

  @ParameterizedTest
  @EnumSource(
      value = Scope.class,
      names = {"GLOBAL", "USER", "KEY"})
  void join_answers_the_active_operation_of_the_same_slot(Scope scope) {
    OperationEngine engine = engine(scope, StartPolicy.JOIN);
    OperationId id = engine.start(first()).operation().id();

    StartOutcome second = engine.start(sameSlot(scope));

    assertThat(second.created()).isFalse();
    assertThat(second.operation().id()).isEqualTo(id);
    assertThat(fixture.store.size()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = Scope.class,
      names = {"GLOBAL", "USER", "KEY"})
  void reject_refuses_a_start_in_the_same_slot(Scope scope) {
    OperationEngine engine = engine(scope, StartPolicy.REJECT);
    OperationId id = engine.start(first()).operation().id();

    assertThatThrownBy(() -> engine.start(sameSlot(scope)))
        .isInstanceOfSatisfying(
            OperationConflictException.class, e -> assertThat(e.active().id()).isEqualTo(id))
        .hasMessageContaining("already active");
    assertThat(fixture.store.size()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(
      value = Scope.class,
      names = {"GLOBAL", "USER", "KEY"})
  void restart_stops_the_active_operation_and_starts_a_new_one(Scope scope) throws Exception {
    OperationEngine engine = engine(scope, StartPolicy.RESTART);
    OperationId old = engine.start(first()).operation().id();
    gate.awaitArrivals(1);

    StartOutcome restarted = engine.start(sameSlot(scope));

    assertThat(restarted.created()).isTrue();
    assertThat(restarted.operation().id()).isNotEqualTo(old);
    assertThat(fixture.awaitState(old, OperationState.STOPPED).stopRequested()).isTrue();
    assertThat(fixture.awaitState(restarted.operation().id(), OperationState.RUNNING).active())
        .isTrue();
  }

  static Stream<Arguments> scopesWithSlotsTimesPolicies() {
    return Stream.of(Scope.USER, Scope.KEY)
        .flatMap(scope -> Stream.of(StartPolicy.values()).map(p -> Arguments.of(scope, p)));
  }

  @ParameterizedTest
  @MethodSource("scopesWithSlotsTimesPolicies")
  void every_policy_starts_a_new_operation_in_another_slot(Scope scope, StartPolicy policy) {
    OperationEngine engine = engine(scope, policy);
    OperationId id = engine.start(first()).operation().id();

    StartOutcome other = engine.start(otherSlot(scope));

    assertThat(other.created()).isTrue();
    assertThat(other.operation().id()).isNotEqualTo(id);
    assertThat(engine.status(id).active()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = StartPolicy.class)
  void scope_none_starts_a_new_operation_every_time(StartPolicy policy) {
    OperationEngine engine = engine(Scope.NONE, policy);
    OperationId id = engine.start(first()).operation().id();

    StartOutcome second = engine.start(first());

    assertThat(second.created()).isTrue();
    assertThat(second.operation().id()).isNotEqualTo(id);
    assertThat(engine.status(id).active()).isTrue();
  }

  @Test
  void key_scope_needs_a_key() {
    OperationEngine engine = engine(Scope.KEY, StartPolicy.JOIN);

    assertThatThrownBy(() -> engine.start(StartRequest.of("job").withOwner("alice")))
        .isInstanceOfSatisfying(
            InvalidParametersException.class, e -> assertThat(e.field()).isEqualTo("key"))
        .hasMessageContaining("needs a key");
    assertThat(fixture.store.size()).isZero();
  }

  @Test
  void a_slot_frees_when_its_operation_ends() {
    OperationEngine engine = engine(Scope.GLOBAL, StartPolicy.REJECT);
    OperationId id = engine.start(first()).operation().id();
    gate.open(1);
    fixture.awaitState(id, OperationState.SUCCEEDED);

    StartOutcome next = engine.start(first());

    assertThat(next.created()).isTrue();
    assertThat(next.operation().id()).isNotEqualTo(id);
  }
}
