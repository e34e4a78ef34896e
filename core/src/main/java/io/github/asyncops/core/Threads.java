package io.github.asyncops.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads an engine creates when the builder was given none: daemon threads with a name prefix,
 * remembered so that shutdown can wait until each has really ended. An executor reports itself
 * terminated a moment before its last thread dies, so waiting for the executor is not enough to
 * leave no thread behind.
 */
final class Threads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();
  private final List<Thread> created = new CopyOnWriteArrayList<>();

  private Threads(String prefix) {
    this.prefix = prefix;
  }

  static Threads named(String prefix) {
    return new Threads(prefix);
  }

  @Override
  public Thread newThread(Runnable runnable) {
    Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
    thread.setDaemon(true);
    created.add(thread);
    return thread;
  }

  ExecutorService pool(int size) {
    return Executors.newFixedThreadPool(size, this);
  }

  ScheduledExecutorService scheduler() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, this);
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  /**
   * Shuts an executor made with these threads down and waits, up to {@code nanos} in all, until it
   * has terminated and each of its threads has ended.
   */
  void shutdown(ExecutorService executor, long nanos) {
    long deadline = System.nanoTime() + nanos;
    executor.shutdownNow();
    try {
      executor.awaitTermination(nanos, TimeUnit.NANOSECONDS);
      for (Thread thread : created) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
