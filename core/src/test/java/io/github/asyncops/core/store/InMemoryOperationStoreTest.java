package io.github.asyncops.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.spi.OperationStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs the store contract against the in-memory store, and checks its own bounds on tombstones. */
final class InMemoryOperationStoreTest extends OperationStoreContract {

  @Override
  protected OperationStore newStore() {
    return new InMemoryOperationStore(2, Duration.ofMinutes(10));
  }

  @Test
  void tombstones_are_capped_and_expire() {
    InMemoryOperationStore memory = (InMemoryOperationStore) store;
    OperationId[] ids = new OperationId[3];
    for (int i = 0; i < 3; i++) {
      OperationRecord r = queued(null, T0);
      memory.insert(r, false, 10);
      memory.claim("t", 1, "n", T0);
      memory.finish(r.id(), OperationState.SUCCEEDED, 1, null, null, OperationResult.none(), T0);
      ids[i] = r.id();
    }
    memory.evict(T0.plus(Duration.ofMinutes(5)));

    assertThat(memory.size()).isZero();
    assertThat(memory.tombstones()).isEqualTo(2);
    assertThat(memory.forgotten(ids[0])).isFalse();
    assertThat(memory.forgotten(ids[2])).isTrue();

    memory.evict(T0.plus(Duration.ofMinutes(16)));
    assertThat(memory.tombstones()).isZero();
  }
}
