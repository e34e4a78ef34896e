package io.github.asyncops.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.OperationRecord;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvictionsTest {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private final Evictions evictions = new Evictions(3);

  /** A record of this retention that finished at {@code finishedAt}. */
  private static OperationRecord finished(Duration retention, Instant finishedAt) {
    return OperationRecord.queued(OperationId.random(), "t", null, null, null, null, retention, T0)
        .claimedBy("n", T0)
        .finished(OperationState.SUCCEEDED, 1, null, null, OperationResult.none(), finishedAt);
  }

  @Test
  void returnsWhatIsDueOnceAndKeepsTheRest() {
    OperationRecord first = finished(MINUTE, T0.plusSeconds(1));
    OperationRecord second = finished(MINUTE, T0.plusSeconds(2));
    evictions.add(first);
    evictions.add(second);

    assertThat(evictions.due(T0.plus(MINUTE))).isEmpty();
    assertThat(evictions.due(first.evictAt())).containsExactly(first);
    assertThat(evictions.due(T0.plus(MINUTE).plusSeconds(5))).containsExactly(second);
    assertThat(evictions.due(T0.plus(MINUTE).plusSeconds(5))).isEmpty();
  }

  @Test
  void anOutOfOrderArrivalIsNotHeldBackByALaterOne() {
    OperationRecord late = finished(MINUTE, T0.plusSeconds(10));
    OperationRecord early = finished(MINUTE, T0.plusSeconds(1));
    evictions.add(late);
    evictions.add(early);

    assertThat(evictions.due(early.evictAt())).containsExactly(early);
    assertThat(evictions.due(late.evictAt())).containsExactly(late);
  }

  @Test
  void retentionsAreIndependent() {
    OperationRecord kept = finished(Duration.ofHours(1), T0);
    OperationRecord brief = finished(Duration.ZERO, T0);
    evictions.add(kept);
    evictions.add(brief);

    assertThat(evictions.due(T0)).containsExactly(brief);
  }

  @Test
  void fromTheBatchthAddSinceRecordsWereLastTakenOutTheBatchIsFull() {
    assertThat(evictions.add(finished(MINUTE, T0))).isFalse();
    assertThat(evictions.add(finished(MINUTE, T0))).isFalse();
    assertThat(evictions.add(finished(MINUTE, T0))).isTrue();
    assertThat(evictions.add(finished(MINUTE, T0))).isTrue();

    evictions.due(T0);
    assertThat(evictions.add(finished(MINUTE, T0))).isFalse();
    assertThat(evictions.add(finished(MINUTE, T0))).isFalse();
    assertThat(evictions.add(finished(MINUTE, T0))).isTrue();
  }
}
