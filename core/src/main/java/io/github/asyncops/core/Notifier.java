package io.github.asyncops.core;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Delivers changes to the engine-wide listeners and to the watchers of single operations. A
 * listener that throws is logged and skipped. Watchers of an operation are dropped after its final
 * state is delivered, so watching costs nothing once an operation ends.
 */
final class Notifier {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  private final List<OperationListener> listeners;
  private final Map<OperationId, List<OperationListener>> watchers = new ConcurrentHashMap<>();

  Notifier(List<OperationListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  Subscription watch(OperationId id, OperationListener listener) {
    watchers.compute(
        id,
        (k, list) -> {
          List<OperationListener> watching = list != null ? list : new CopyOnWriteArrayList<>();
          watching.add(listener);
          return watching;
        });
    return () ->
        watchers.computeIfPresent(
            id,
            (k, list) -> {
              list.remove(listener);
              return list.isEmpty() ? null : list;
            });
  }

  void stateChanged(OperationSnapshot snapshot) {
    deliver(snapshot, OperationListener::stateChanged);
    if (!snapshot.active()) {
      watchers.remove(snapshot.id());
    }
  }

  void progressed(OperationSnapshot snapshot) {
    deliver(snapshot, OperationListener::progressed);
  }

  /** Drops the watchers of a forgotten operation, telling each that it is gone. */
  void forget(OperationId id) {
    List<OperationListener> watching = watchers.remove(id);
    if (watching != null) {
      for (OperationListener listener : watching) {
        try {
          listener.forgotten(id);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "operation listener " + listener + " threw; ignoring it", e);
        }
      }
    }
  }

  boolean isWatched(OperationId id) {
    return watchers.containsKey(id);
  }

  Set<OperationId> watchedIds() {
    return Set.copyOf(watchers.keySet());
  }

  private void deliver(
      OperationSnapshot snapshot, BiConsumer<OperationListener, OperationSnapshot> call) {
    for (OperationListener listener : listeners) {
      deliverTo(listener, snapshot, call);
    }
    List<OperationListener> watching = watchers.get(snapshot.id());
    if (watching != null) {
      for (OperationListener listener : watching) {
        deliverTo(listener, snapshot, call);
      }
    }
  }

  private static void deliverTo(
      OperationListener listener,
      OperationSnapshot snapshot,
      BiConsumer<OperationListener, OperationSnapshot> call) {
    try {
      call.accept(listener, snapshot);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "operation listener " + listener + " threw; ignoring it", e);
    }
  }
}
