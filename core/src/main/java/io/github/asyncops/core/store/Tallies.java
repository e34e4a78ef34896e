package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationSummary;
import io.github.asyncops.core.spi.OperationRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * What {@link InMemoryOperationStore#summary} reads instead of every record: a counter per type and
 * state, the ids of the active records (few, next to the final ones a store keeps), and the failed
 * records by the instant they ended. The store tells it of every insert, state change and removal
 * after making it, without a lock, so a summary may lag a change in flight by a moment; a count
 * that a race leaves below zero for that moment reads as zero.
 */
final class Tallies {
  private static final OperationState[] STATES = OperationState.values();

  /** A failed record's end, ordered by instant and then id; a null id sorts first. */
  private record Failure(Instant at, OperationId id) {
    static final Comparator<Failure> ORDER =
        Comparator.comparing(Failure::at)
            .thenComparing(
                Failure::id, Comparator.nullsFirst(Comparator.comparing(OperationId::value)));
  }

  private final Map<String, AtomicLongArray> counts = new ConcurrentHashMap<>();
  private final Set<OperationId> active = ConcurrentHashMap.newKeySet();
  private final NavigableSet<Failure> failures = new ConcurrentSkipListSet<>(Failure.ORDER);

  /** A queued record went in. */
  void inserted(OperationRecord r) {
    count(r, 1);
    active.add(r.id());
  }

  /** A record changed; a no-op when its state stayed. */
  void changed(OperationRecord before, OperationRecord after) {
    if (before.state() == after.state()) {
      return;
    }
    count(before, -1);
    count(after, 1);
    if (after.state().isFinal()) {
      active.remove(after.id());
      if (after.state() == OperationState.FAILED) {
        failures.add(new Failure(after.times().finishedAt(), after.id()));
      }
    }
  }

  /** A final record was evicted or deleted. */
  void removed(OperationRecord r) {
    count(r, -1);
    active.remove(r.id());
    if (r.state() == OperationState.FAILED) {
      failures.remove(new Failure(r.times().finishedAt(), r.id()));
    }
  }

  /**
   * The ids of the records that were active when last told.
   *
   * @return a live view
   */
  Collection<OperationId> active() {
    return active;
  }

  /**
   * Summarises: the counts as counted, the nodes and the oldest queued record from the active
   * records, the failures since an hour before {@code now}.
   */
  OperationSummary summary(Instant now, Function<OperationId, OperationRecord> lookup) {
    OperationSummary.Tally live = OperationSummary.tally(now);
    for (OperationId id : active) {
      OperationRecord r = lookup.apply(id);
      if (r != null && r.state().isActive()) {
        live.add(r);
      }
    }
    OperationSummary fromActive = live.build();
    Map<String, Map<OperationState, Long>> byType = new TreeMap<>();
    long queued = 0;
    for (Map.Entry<String, AtomicLongArray> e : counts.entrySet()) {
      Map<OperationState, Long> byState = new EnumMap<>(OperationState.class);
      long total = 0;
      for (OperationState s : STATES) {
        long n = Math.max(0, e.getValue().get(s.ordinal()));
        byState.put(s, n);
        total += n;
      }
      if (total > 0) {
        byType.put(e.getKey(), byState);
        queued += byState.get(OperationState.QUEUED);
      }
    }
    Instant since = now.minus(OperationSummary.FAILURE_WINDOW);
    long failed = failures.tailSet(new Failure(since, null), true).size();
    return new OperationSummary(
        byType, fromActive.nodes(), queued, failed, fromActive.oldestQueued(), now);
  }

  private void count(OperationRecord r, int delta) {
    counts
        .computeIfAbsent(r.type(), t -> new AtomicLongArray(STATES.length))
        .addAndGet(r.state().ordinal(), delta);
  }
}
