package io.github.asyncops.core;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts running operations against the engine's and each type's limit, without a lock. */
final class Slots {
  private final int maxRunning;
  private final AtomicInteger running = new AtomicInteger();

  Slots(int maxRunning) {
    this.maxRunning = maxRunning;
  }

  /** Takes one slot of the engine and one of the type, or neither. */
  boolean reserve(RegisteredType rt) {
    if (!take(running, maxRunning)) {
      return false;
    }
    if (!take(rt.running, rt.type.maxConcurrent())) {
      running.decrementAndGet();
      return false;
    }
    return true;
  }

  void release(RegisteredType rt) {
    rt.running.decrementAndGet();
    running.decrementAndGet();
  }

  private static boolean take(AtomicInteger counter, int limit) {
    return counter.getAndUpdate(n -> n < limit ? n + 1 : n) < limit;
  }
}
