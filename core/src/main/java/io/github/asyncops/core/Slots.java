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

  /**
   * Takes as many slots as the engine and the type have free, up to {@code max}: one update of each
   * counter, whatever the number, and the engine's slots that the type cannot use go back at once.
   */
  int reserveUpTo(RegisteredType rt, int max) {
    int engine = takeUpTo(running, maxRunning, max);
    if (engine == 0) {
      return 0;
    }
    int type = takeUpTo(rt.running, rt.type.maxConcurrent(), engine);
    if (type < engine) {
      running.addAndGet(type - engine);
    }
    return type;
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

  /** Adds up to {@code max} to a counter without passing its limit; returns how many it added. */
  private static int takeUpTo(AtomicInteger counter, int limit, int max) {
    int before = counter.getAndUpdate(n -> n + free(n, limit, max));
    return free(before, limit, max);
  }

  private static int free(int used, int limit, int max) {
    return Math.max(0, Math.min(max, limit - used));
  }
}
