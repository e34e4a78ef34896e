package io.github.asyncops.core;

import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
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

  private final OperationStore store;
  private final LocalExecutions local;
  private final Notifier notifier;
  private final Snapshots snapshots;
  private final Transitions transitions;
  private final Dispatcher dispatcher;
  private final Map<String, RegisteredType> types;
  private final Map<OperationId, Seen> seen = new ConcurrentHashMap<>();

  RemoteWatch(
      OperationStore store,
      LocalExecutions local,
      Notifier notifier,
      Snapshots snapshots,
      Transitions transitions,
      Dispatcher dispatcher,
      Map<String, RegisteredType> types) {
    this.store = store;
    this.local = local;
    this.notifier = notifier;
    this.snapshots = snapshots;
    this.transitions = transitions;
    this.dispatcher = dispatcher;
    this.types = types;
  }

  /** Claims news of queued work of a type this engine runs, if it has a free slot. */
  @Override
  public void queued(String type) {
    RegisteredType rt = types.get(type);
    if (rt != null) {
      dispatcher.news(rt);
    }
  }

  @Override
  public void stopRequested(OperationId id) {
    Execution execution = local.get(id);
    if (execution != null && execution.launched() && !execution.isStopRequested()) {
      store.find(id).ifPresent(transitions::stopped);
    }
  }

  /**
   * Re-reads a watched operation that runs elsewhere. Operations this node only started are not
   * read: housekeeping forgets their workers after the lease, without a round trip.
   */
  @Override
  public void changed(OperationId id) {
    if (local.runsHere(id) || !notifier.isWatched(id)) {
      return;
    }
    Optional<OperationRecord> found = store.find(id);
    if (found.isEmpty()) {
      seen.remove(id);
      notifier.forget(id);
      return;
    }
    publish(found.get());
  }

  /** Re-reads every watched operation that runs elsewhere. Called by the housekeeping tick. */
  void refresh() {
    notifier.watchedIds().stream().filter(notifier::isWatched).forEach(this::changed);
    seen.keySet().removeIf(id -> !notifier.isWatched(id));
  }

  private void publish(OperationRecord record) {
    Seen now = new Seen(record.state(), record.times().updatedAt());
    Seen before = seen.put(record.id(), now);
    if (now.equals(before)) {
      return;
    }
    OperationSnapshot snapshot = snapshots.of(record);
    if (before == null || before.state() != now.state() || !snapshot.active()) {
      notifier.stateChanged(snapshot);
    } else if (!Objects.equals(before.updatedAt(), now.updatedAt())) {
      notifier.progressed(snapshot);
    }
    if (!snapshot.active()) {
      seen.remove(record.id());
    }
  }
}
