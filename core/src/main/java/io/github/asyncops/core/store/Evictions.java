package io.github.asyncops.core.store;

import io.github.asyncops.core.spi.OperationRecord;
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
 * Final records waiting to be forgotten, in the order they become due, and the count that tells
 * when enough have finished to evict a batch early.
 *
 * <p>Records of one retention finish in time order almost always, so each retention has a FIFO
 * queue and adding costs O(1) without allocating. One that arrives out of order (another node's
 * clock, a clock set back) goes to a priority queue instead, so nothing is evicted late because of
 * it. The queues hold the records themselves: a final record never changes, so eviction removes
 * exactly the record queued, without looking it up first.
 *
 * <p>Thread-safe, with one lock held for an O(1) add or while due records are taken out.
 */
final class Evictions {
  private final int batch;
  private final Map<Duration, ArrayDeque<OperationRecord>> inOrder = new HashMap<>();
  private final PriorityQueue<OperationRecord> outOfOrder =
      new PriorityQueue<>(Comparator.comparing(OperationRecord::evictAt));
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
   * Queues a final record.
   *
   * @return true if {@code batch} records or more were added since records were last taken out
   */
  synchronized boolean add(OperationRecord record) {
    ArrayDeque<OperationRecord> queue =
        inOrder.computeIfAbsent(record.retention(), r -> new ArrayDeque<>());
    OperationRecord last = queue.peekLast();
    if (last == null || !last.finishedAt().isAfter(record.finishedAt())) {
      queue.addLast(record);
    } else {
      outOfOrder.add(record);
    }
    return ++addedSinceDue >= batch;
  }

  /** Removes and returns the records due at {@code now}. */
  synchronized List<OperationRecord> due(Instant now) {
    addedSinceDue = 0;
    List<OperationRecord> due = new ArrayList<>();
    for (ArrayDeque<OperationRecord> queue : inOrder.values()) {
      while (!queue.isEmpty() && !queue.peekFirst().evictAt().isAfter(now)) {
        due.add(queue.pollFirst());
      }
    }
    while (!outOfOrder.isEmpty() && !outOfOrder.peek().evictAt().isAfter(now)) {
      due.add(outOfOrder.poll());
    }
    return due;
  }
}
