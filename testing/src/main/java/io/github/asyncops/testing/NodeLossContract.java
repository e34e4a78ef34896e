package io.github.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@link OperationStore#expire} does with the operations of a lost node, part of {@link
 * OperationStoreContract}: a running operation of a restartable type is queued again, with its slot
 * and parameters, at most {@link OperationRecord#MAX_RESTARTS} times, and the lost node can no
 * longer write it; every other one fails.
 */
public interface NodeLossContract {

  /** The name of the contract's restartable type, registered with {@code String} parameters. */
  String RESTARTABLE = "restartable";

  /**
   * The store under test, fresh and empty for each test, with the contract's types registered.
   *
   * @return the store
   */
  OperationStore store();

  private static Instant at(int seconds) {
    return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seconds);
  }

  private OperationRecord runningRestartable(String slot) {
    OperationRecord record =
        OperationRecord.queued(
            OperationId.random(),
            RESTARTABLE,
            "alice",
            null,
            slot,
            "p",
            Duration.ofMinutes(5),
            at(0));
    assertThat(store().insert(record, false, Integer.MAX_VALUE))
        .isInstanceOf(InsertResult.Inserted.class);
    return claim("node-a", at(0));
  }

  private OperationRecord claim(String node, Instant now) {
    List<OperationRecord> claimed = store().claim(new ClaimRequest(RESTARTABLE, 1, node), now);
    assertThat(claimed).hasSize(1);
    return claimed.get(0);
  }

  /** The record comes back queued, keeps what its next run needs, and runs with the next epoch. */
  @Test
  default void a_lost_running_operation_of_a_restartable_type_is_queued_again() {
    OperationRecord running = runningRestartable("s");

    List<OperationRecord> lost = store().expire(at(10), "node lost", at(40));

    assertThat(lost).extracting(OperationRecord::id).containsExactly(running.id());
    assertThat(lost.get(0).state()).isEqualTo(OperationState.QUEUED);
    OperationRecord queued = store().find(running.id()).orElseThrow();
    assertThat(queued.state()).isEqualTo(OperationState.QUEUED);
    assertThat(queued.lease().node()).isNull();
    assertThat(queued.outcome()).isEqualTo(OperationRecord.Outcome.NONE);
    assertThat(queued.slot()).isEqualTo("s");
    assertThat(queued.parameters()).isEqualTo("p");
    OperationRecord again = claim("node-b", at(41));
    assertThat(again.id()).isEqualTo(running.id());
    assertThat(again.parameters()).isEqualTo("p");
    assertThat(again.lease().epoch()).isEqualTo(running.lease().epoch() + 1);
  }

  /** The slot stays taken while the operation waits to run again. */
  @Test
  default void an_operation_queued_again_keeps_its_slot() {
    OperationRecord running = runningRestartable("s");
    store().expire(at(10), "node lost", at(40));

    OperationRecord rival =
        OperationRecord.queued(
            OperationId.random(),
            RESTARTABLE,
            "bob",
            null,
            "s",
            "q",
            Duration.ofMinutes(5),
            at(41));
    assertThat(store().insert(rival, false, Integer.MAX_VALUE))
        .isInstanceOf(InsertResult.Conflict.class)
        .extracting(r -> ((InsertResult.Conflict) r).active().id())
        .isEqualTo(running.id());
  }

  /** The lost node's writes, under the epoch it claimed with, are refused once it was requeued. */
  @Test
  default void the_lost_node_cannot_write_an_operation_queued_again() {
    OperationRecord running = runningRestartable(null);
    long epoch = running.lease().epoch();
    store().expire(at(10), "node lost", at(40));

    assertThat(store().progress(running.id(), epoch, new Progress(0.5, "late"), at(41))).isEmpty();
    assertThat(
            store()
                .finish(
                    running.id(),
                    epoch,
                    Ending.succeeded(new Progress(1, null), OperationResult.none()),
                    at(41)))
        .isEmpty();
    assertThat(store().heartbeat("node-a", Map.of(running.id(), epoch), at(41)).lost())
        .containsExactly(running.id());
    assertThat(store().find(running.id()).orElseThrow().state()).isEqualTo(OperationState.QUEUED);
  }

  /** An operation whose every run loses its node cannot loop forever. */
  @Test
  default void an_operation_lost_more_than_max_restarts_times_fails() {
    OperationRecord record = runningRestartable(null);
    int seconds = 0;
    for (int restart = 1; restart <= OperationRecord.MAX_RESTARTS; restart++) {
      seconds += 60;
      assertThat(store().expire(at(seconds - 30), "node lost", at(seconds)))
          .singleElement()
          .extracting(OperationRecord::state)
          .isEqualTo(OperationState.QUEUED);
      claim("node-" + restart, at(seconds));
    }
    seconds += 60;

    assertThat(store().expire(at(seconds - 30), "node lost", at(seconds)))
        .singleElement()
        .extracting(OperationRecord::state)
        .isEqualTo(OperationState.FAILED);
    OperationRecord failed = store().find(record.id()).orElseThrow();
    assertThat(failed.outcome().error()).isEqualTo("node lost");
    assertThat(failed.lease().epoch()).isEqualTo(OperationRecord.MAX_RESTARTS + 1L);
  }

  /** A stop was asked for: there is nothing to run again, so the loss ends it. */
  @Test
  default void a_lost_stopping_operation_fails_even_when_its_type_is_restartable() {
    OperationRecord running = runningRestartable(null);
    store().requestStop(running.id(), null, at(1));

    assertThat(store().expire(at(10), "node lost", at(40)))
        .singleElement()
        .extracting(OperationRecord::state)
        .isEqualTo(OperationState.FAILED);
  }
}
