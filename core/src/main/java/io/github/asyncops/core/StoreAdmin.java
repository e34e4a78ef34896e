package io.github.asyncops.core;

import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The {@link OperationAdmin}: reads the store as it is, with the engine's clock. */
final class StoreAdmin implements OperationAdmin {
  private final OperationStore store;
  private final Clock clock;

  StoreAdmin(OperationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public List<OperationRecord> list(OperationQuery query) {
    return store.list(query);
  }

  @Override
  public Optional<OperationRecord> find(OperationId id) {
    return store.find(id);
  }

  @Override
  public OperationSummary summary() {
    return store.summary(clock.instant());
  }
}
