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
 * When finished operations may be forgotten, in the order they become due, and the count that tells
 * when enough have finished to evict a batch early.
 *
 * <p>Operations of one retention finish in time order almost always, so each retention has a FIFO
 * queue and adding costs O(1). One that arrives out of order (another node's clock, a clock set
 * back) goes to a priority queue instead, so nothing is evicted late because of it. Only ids and
 * instants wait here, so a record forgotten before its time leaves nothing large behind.
 *
 * <p>Thread-safe, with one lock held for an O(1) add or while due ids are taken out.
 */
final class Evictions {
  private record Due(Instant at, OperationId id) {}

  private final int batch;
  private final Map<Duration, ArrayDeque<Due>> inOrder = new HashMap<>();
  private final PriorityQueue<Due> outOfOrder = new PriorityQueue<>(Comparator.comparing(Due::at));
  private int addedSinceDue;

  /**
   * Creates the queues.
   *
   * @param batch from how many adds since the last {@link #due} on {@link #add} answers true
   */
  Evictions(int batch) {
    this.batch = batch;
  }

  /**
   * Queues the id of a record with this retention that may be forgotten from {@code at}.
   *
   * @return true if {@code batch} ids or more were added since ids were last taken out
   */
  synchronized boolean add(Duration retention, Instant at, OperationId id) {
    ArrayDeque<Due> queue = inOrder.computeIfAbsent(retention, r -> new ArrayDeque<>());
    Due due = new Due(at, id);
    if (queue.isEmpty() || !queue.peekLast().at().isAfter(at)) {
      queue.addLast(due);
    } else {
      outOfOrder.add(due);
    }
    return ++addedSinceDue >= batch;
  }

  /** Removes and returns the ids due at {@code now}. */
  synchronized List<OperationId> due(Instant now) {
    addedSinceDue = 0;
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
