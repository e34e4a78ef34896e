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

  /** Takes as many slots as the engine and the type have free, up to {@code max}. */
  int reserveUpTo(RegisteredType rt, int max) {
    int taken = 0;
    while (taken < max && reserve(rt)) {
      taken++;
    }
    return taken;
  }

  void release(RegisteredType rt) {
    release(rt, 1);
  }

  void release(RegisteredType rt, int n) {
    rt.running.addAndGet(-n);
    running.addAndGet(-n);
  }

  private static boolean take(AtomicInteger counter, int limit) {
    return counter.getAndUpdate(n -> n < limit ? n + 1 : n) < limit;
  }
}
