package io.github.asyncops.core;

import static io.github.asyncops.core.OperationState.RUNNING;
import static io.github.asyncops.core.OperationState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starts with an idempotency key: a retry answers with the operation the key started, before any
 * scope or capacity check; another fingerprint is refused; the key is per type and owner and free
 * again once its operation is forgotten.
 */
final class IdempotencyKeyTest {
  private final Gate gate = new Gate();
  private final AtomicInteger workersMade = new AtomicInteger();
  private final EngineFixture fixture =
      new EngineFixture(
          b -> b.maxRunning(1).queueCapacity(1),
          gated("rejecting").scope(Scope.GLOBAL).policy(StartPolicy.REJECT),
          gated("plain"));
  private final OperationEngine engine = fixture.engine;

  private TestProvider gated(String name) {
    return TestProvider.of(
        name,
        p -> {
          workersMade.incrementAndGet();
          return c -> {
            gate.pass(c);
            return OperationResult.none();
          };
        });
  }

  @AfterEach
  void close() {
    gate.open(100);
    fixture.close();
  }

  private static StartRequest keyed(String type, String key, String fingerprint) {
    return StartRequest.of(type).withOwner("ann").withIdempotencyKey(key, fingerprint);
  }

  @Test
  void a_retry_answers_with_the_operation_the_key_started_and_makes_no_worker() {
    StartOutcome first = engine.start(keyed("plain", "k-1", "fp"));
    StartOutcome retry = engine.start(keyed("plain", "k-1", "fp"));

    assertThat(first.created()).isTrue();
    assertThat(retry.created()).isFalse();
    assertThat(retry.operation().id()).isEqualTo(first.operation().id());
    assertThat(workersMade).hasValue(1);
    assertThat(fixture.store.size()).isEqualTo(1);
  }

  @Test
  void a_retry_comes_before_a_conflict_and_a_full_queue() throws Exception {
    OperationId running = engine.start(keyed("rejecting", "k-1", "fp")).operation().id();
    gate.awaitArrivals(1);
    assertThatThrownBy(() -> engine.start(StartRequest.of("rejecting")))
        .isInstanceOf(OperationConflictException.class);
    OperationId queued = engine.start(keyed("plain", "k-2", "fp")).operation().id();

    assertThatThrownBy(() -> engine.start(StartRequest.of("plain")))
        .isInstanceOf(CapacityExceededException.class);
    assertThat(engine.start(keyed("rejecting", "k-1", "fp")).operation().id()).isEqualTo(running);
    StartOutcome retry = engine.start(keyed("plain", "k-2", "fp"));
    assertThat(retry.operation().id()).isEqualTo(queued);
    assertThat(retry.created()).isFalse();
    assertThat(engine.status(running).state()).isEqualTo(RUNNING);
  }

  @Test
  void the_same_key_with_another_fingerprint_is_refused_and_starts_nothing() {
    engine.start(keyed("plain", "k-1", "fp"));

    assertThatThrownBy(() -> engine.start(keyed("plain", "k-1", "other")))
        .isInstanceOf(IdempotencyKeyReusedException.class)
        .hasMessage(
            "this idempotency key was already used for a start with other parameters (an"
                + " operation of type 'plain'); use a new key for a new start");
    assertThatThrownBy(() -> engine.start(keyed("plain", "k-1", null)))
        .isInstanceOf(IdempotencyKeyReusedException.class);
    assertThat(workersMade).hasValue(1);
  }

  @Test
  void keys_are_per_type_and_owner() {
    OperationId ann = engine.start(keyed("rejecting", "k-1", "fp")).operation().id();

    StartOutcome bob =
        engine.start(StartRequest.of("plain").withOwner("bob").withIdempotencyKey("k-1", "fp"));
    assertThat(bob.created()).isTrue();
    assertThat(bob.operation().id()).isNotEqualTo(ann);
  }

  @Test
  void a_key_is_free_again_once_its_operation_is_forgotten() {
    OperationId first = engine.start(keyed("plain", "k-1", "fp")).operation().id();
    gate.open(1);
    fixture.awaitState(first, SUCCEEDED);
    assertThat(engine.start(keyed("plain", "k-1", "fp")).operation().id()).isEqualTo(first);

    engine.forget(first);
    StartOutcome again = engine.start(keyed("plain", "k-1", "another"));

    assertThat(again.created()).isTrue();
    assertThat(again.operation().id()).isNotEqualTo(first);
  }

  @Test
  void a_request_refuses_an_empty_or_long_key_and_a_fingerprint_without_a_key() {
    StartRequest request = StartRequest.of("plain");

    for (String bad : new String[] {"", "k".repeat(StartRequest.MAX_IDEMPOTENCY_KEY_LENGTH + 1)}) {
      assertThatThrownBy(() -> request.withIdempotencyKey(bad, "fp"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("an idempotency key must be 1 to 255 characters long");
    }
    assertThat(request.withIdempotencyKey("k".repeat(255), "fp").idempotencyKey()).hasSize(255);
    assertThatThrownBy(() -> new StartRequest("plain", null, null, null, null, "fp"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a fingerprint needs an idempotency key");
    assertThat(request.withIdempotencyKey(null, "fp").fingerprint()).isNull();
  }
}
