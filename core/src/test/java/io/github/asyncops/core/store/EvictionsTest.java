package io.github.asyncops.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EvictionsTest {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private final Evictions evictions = new Evictions(3);

  @Test
  void returnsWhatIsDueOnceAndKeepsTheRest() {
    OperationId first = OperationId.random();
    OperationId second = OperationId.random();
    evictions.add(MINUTE, T0.plusSeconds(1), first);
    evictions.add(MINUTE, T0.plusSeconds(2), second);

    assertThat(evictions.due(T0)).isEmpty();
    assertThat(evictions.due(T0.plusSeconds(1))).containsExactly(first);
    assertThat(evictions.due(T0.plusSeconds(5))).containsExactly(second);
    assertThat(evictions.due(T0.plusSeconds(5))).isEmpty();
  }

  @Test
  void anOutOfOrderArrivalIsNotHeldBackByALaterOne() {
    OperationId late = OperationId.random();
    OperationId early = OperationId.random();
    evictions.add(MINUTE, T0.plusSeconds(10), late);
    evictions.add(MINUTE, T0.plusSeconds(1), early);

    assertThat(evictions.due(T0.plusSeconds(1))).containsExactly(early);
    assertThat(evictions.due(T0.plusSeconds(10))).containsExactly(late);
  }

  @Test
  void retentionsAreIndependent() {
    OperationId kept = OperationId.random();
    OperationId brief = OperationId.random();
    evictions.add(Duration.ofHours(1), T0.plus(Duration.ofHours(1)), kept);
    evictions.add(Duration.ZERO, T0, brief);

    assertThat(evictions.due(T0)).containsExactly(brief);
  }

  @Test
  void fromTheBatchthAddSinceIdsWereLastTakenOutTheBatchIsFull() {
    assertThat(evictions.add(MINUTE, T0, OperationId.random())).isFalse();
    assertThat(evictions.add(MINUTE, T0, OperationId.random())).isFalse();
    assertThat(evictions.add(MINUTE, T0, OperationId.random())).isTrue();
    assertThat(evictions.add(MINUTE, T0, OperationId.random())).isTrue();

    evictions.due(T0);
    assertThat(evictions.add(MINUTE, T0, OperationId.random())).isFalse();
    assertThat(evictions.add(MINUTE, T0, OperationId.random())).isFalse();
    assertThat(evictions.add(MINUTE, T0, OperationId.random())).isTrue();
  }
}
