package io.github.asyncops.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads an engine creates when the builder was given none. All are daemon threads. */
final class Threads {
  private Threads() {}

  static ExecutorService workerPool(int size) {
    return Executors.newFixedThreadPool(size, named("asyncops-worker-"));
  }

  static ScheduledExecutorService housekeeping() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, named("asyncops-housekeeping-"));
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  /** Shuts an executor down and waits, up to {@code nanos}, for its threads to end. */
  static void shutdown(ExecutorService executor, long nanos) {
    executor.shutdownNow();
    try {
      executor.awaitTermination(nanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
