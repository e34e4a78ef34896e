package io.github.asyncops.jaxrs.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor that sends events: a cached pool of daemon threads named {@code
 * asyncops-jaxrs-N}. Idle threads end after a minute, so the pool needs no shutdown.
 */
final class DeliveryThreads {
  private DeliveryThreads() {}

  /**
   * Creates the pool.
   *
   * @return a new executor
   */
  static ExecutorService create() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newCachedThreadPool(
        runnable -> {
          Thread thread = new Thread(runnable, "asyncops-jaxrs-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }
}
