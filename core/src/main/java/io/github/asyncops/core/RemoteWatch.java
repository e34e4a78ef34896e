package io.github.asyncops.core;

import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.StoreListener;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps watchers informed of operations that run on other nodes, and acts on news a shared store
 * pushes. Local operations publish their own changes; a watched remote one is re-read from the
 * store when the store says it changed, and at every housekeeping tick in case it cannot say.
 */
final class RemoteWatch implements StoreListener {
  private record Seen(OperationState state, Instant updatedAt) {}

  private final Engine engine;
  private final Map<OperationId, Seen> seen = new ConcurrentHashMap<>();

  RemoteWatch(Engine engine) {
    this.engine = engine;
  }

  @Override
  public void queued(String type) {
    engine.dispatcher().dispatch(type);
  }

  @Override
  public void stopRequested(OperationId id) {
    Execution execution = engine.local.get(id);
    if (execution != null && !execution.isStopRequested()) {
      engine.store.find(id).ifPresent(engine::stopped);
    }
  }

  @Override
  public void changed(OperationId id) {
    if (engine.runsHere(id)) {
      return;
    }
    boolean pendingHere = engine.local.containsKey(id);
    boolean watched = engine.notifier.isWatched(id);
    if (!pendingHere && !watched) {
      return;
    }
    Optional<OperationRecord> found = engine.store.find(id);
    if (found.isEmpty()) {
      if (watched) {
        seen.remove(id);
        engine.notifier.forget(id);
      }
      return;
    }
    if (pendingHere) {
      engine.dropIfClaimedElsewhere(found.get());
    }
    if (watched) {
      publish(found.get());
    }
  }

  /** Re-reads every watched operation that runs elsewhere. Called by the housekeeping tick. */
  void refresh() {
    engine.notifier.watchedIds().stream().filter(engine.notifier::isWatched).forEach(this::changed);
    seen.keySet().removeIf(id -> !engine.notifier.isWatched(id));
  }

  private void publish(OperationRecord record) {
    Seen now = new Seen(record.state(), record.updatedAt());
    Seen before = seen.put(record.id(), now);
    if (now.equals(before)) {
      return;
    }
    OperationSnapshot snapshot = engine.snapshot(record);
    if (before == null || before.state() != now.state() || !snapshot.active()) {
      engine.notifier.stateChanged(snapshot);
    } else if (!Objects.equals(before.updatedAt(), now.updatedAt())) {
      engine.notifier.progressed(snapshot);
    }
    if (!snapshot.active()) {
      seen.remove(record.id());
    }
  }
}
