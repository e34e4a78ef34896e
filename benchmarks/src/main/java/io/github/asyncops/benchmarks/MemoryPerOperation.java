package io.github.asyncops.benchmarks;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.StartRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Heap kept per finished operation, after GC: runs 100,000 no-op operations that stay within their
 * retention, and divides the growth of the used heap by their number. Target: at most 1 KB.
 *
 * <p>Run with {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.asyncops.benchmarks.MemoryPerOperation}.
 */
public final class MemoryPerOperation {
  private static final int OPERATIONS = 100_000;

  private MemoryPerOperation() {}

  /**
   * Runs the measurement and prints the result.
   *
   * @param args ignored
   * @throws InterruptedException if interrupted while waiting for the operations
   */
  public static void main(String[] args) throws InterruptedException {
    CountDownLatch finished = new CountDownLatch(OPERATIONS);
    try (OperationEngine engine =
        Engines.engine(
            "noop",
            Engines::noop,
            Duration.ofHours(1),
            new OperationListener() {
              @Override
              public void stateChanged(OperationSnapshot snapshot) {
                if (!snapshot.active()) {
                  finished.countDown();
                }
              }
            })) {
      long before = usedHeapAfterGc();
      for (int i = 0; i < OPERATIONS; i++) {
        engine.start(StartRequest.of("noop").withOwner("user-" + (i % 100)));
      }
      if (!finished.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("operations did not finish within 5 minutes");
      }
      long after = usedHeapAfterGc();
      System.out.printf(
          "finished operations kept: %d%nheap before: %d bytes%nheap after: %d bytes%n"
              + "bytes per finished operation: %d%n",
          OPERATIONS, before, after, (after - before) / OPERATIONS);
    }
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
