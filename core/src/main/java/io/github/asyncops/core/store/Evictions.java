package io.github.asyncops.core.store;

import io.github.asyncops.core.OperationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * When finished operations may be forgotten, in the order they become due.
 *
 * <p>Operations of one retention finish in time order almost always, so each retention has a FIFO
 * queue and adding costs O(1). One that arrives out of order (another node's clock, a clock set
 * back) goes to a priority queue instead, so nothing is evicted late because of it.
 *
 * <p>Thread-safe, with one lock held for an O(1) add or while due ids are taken out.
 */
final class Evictions {
  private record Due(Instant at, OperationId id) {}

  private final Map<Duration, ArrayDeque<Due>> inOrder = new HashMap<>();
  private final PriorityQueue<Due> outOfOrder = new PriorityQueue<>(Comparator.comparing(Due::at));

  synchronized void add(Duration retention, Instant at, OperationId id) {
    ArrayDeque<Due> queue = inOrder.computeIfAbsent(retention, r -> new ArrayDeque<>());
    Due due = new Due(at, id);
    if (queue.isEmpty() || !queue.peekLast().at().isAfter(at)) {
      queue.addLast(due);
    } else {
      outOfOrder.add(due);
    }
  }

  /** Removes and returns the ids due at {@code now}. */
  synchronized List<OperationId> due(Instant now) {
    List<OperationId> due = new ArrayList<>();
    for (ArrayDeque<Due> queue : inOrder.values()) {
      while (!queue.isEmpty() && !queue.peekFirst().at().isAfter(now)) {
        due.add(queue.pollFirst().id());
      }
    }
    while (!outOfOrder.isEmpty() && !outOfOrder.peek().at().isAfter(now)) {
      due.add(outOfOrder.poll().id());
    }
    return due;
  }
}
