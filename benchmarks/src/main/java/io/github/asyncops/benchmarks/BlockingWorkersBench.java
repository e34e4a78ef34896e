package io.github.asyncops.benchmarks;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.spi.Worker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Workers that block, on the engine's own pool of platform threads against {@code
 * virtualThreads()}, both allowed {@value #WAITING} operations running at once ({@code
 * maxRunning}). Run each mode in a JVM of its own, so that neither inherits the other's threads or
 * heap:
 *
 * <ol>
 *   <li><b>Memory at {@value #WAITING} waiting workers.</b> Starts {@value #WAITING} operations
 *       whose workers wait on one latch (the workload: a call that has not answered yet), waits
 *       until all of them run, and reports the used heap after GC, the process's resident set
 *       ({@code VmRSS}) and the live platform threads, each against the idle engine before, and how
 *       long the {@value #WAITING} took from the first start to the last running. Then opens the
 *       latch.
 *   <li><b>Operations per second.</b> {@value #ROUNDS} rounds of {@value #OPERATIONS} operations
 *       whose workers each sleep {@value #SLEEP_MILLIS} ms (again the workload, not a wait for
 *       something), from the first start to the last end; the best a worker count of {@value
 *       #WAITING} allows is {@value #WAITING} per {@value #SLEEP_MILLIS} ms.
 * </ol>
 *
 * <p>Run with {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar
 * io.github.asyncops.benchmarks.BlockingWorkersBench platform} and then with {@code virtual} (Java
 * 21 or later).
 */
public final class BlockingWorkersBench {
  /** Workers waiting at once, and the engine's {@code maxRunning} in both modes. */
  private static final int WAITING = 10_000;

  /** Operations in each throughput round. */
  private static final int OPERATIONS = 50_000;

  /** Throughput rounds; the first warms the JIT up as much as the later ones. */
  private static final int ROUNDS = 3;

  /** How long each throughput worker blocks. */
  private static final int SLEEP_MILLIS = 100;

  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private BlockingWorkersBench() {}

  /**
   * Runs both measurements in one mode and prints the figures.
   *
   * @param args {@code platform} or {@code virtual}
   * @throws Exception if the operations do not end within five minutes, or the runtime has no
   *     virtual threads
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1 || !List.of("platform", "virtual").contains(args[0])) {
      throw new IllegalArgumentException("usage: BlockingWorkersBench platform|virtual");
    }
    boolean virtual = args[0].equals("virtual");
    System.out.printf(
        "mode: %s, Java %s, %d CPUs%n",
        args[0], Runtime.version(), Runtime.getRuntime().availableProcessors());
    Counter counter = new Counter();
    AtomicReference<Function<Object, Worker>> workers = new AtomicReference<>();
    OperationEngine.Builder builder =
        OperationEngine.builder()
            .discover(false)
            .maxRunning(WAITING)
            .queueCapacity(OPERATIONS * 2)
            .listener(counter)
            .worker(
                Engines.provider(
                    "blocking", p -> workers.get().apply(p), Duration.ofMinutes(1), WAITING));
    if (virtual) {
      builder.virtualThreads();
    }
    try (OperationEngine engine = builder.build()) {
      memory(engine, counter, workers);
      for (int round = 1; round <= ROUNDS; round++) {
        throughput(engine, counter, workers, round);
      }
    }
  }

  private static void memory(
      OperationEngine engine, Counter counter, AtomicReference<Function<Object, Worker>> workers)
      throws InterruptedException {
    CountDownLatch answer = new CountDownLatch(1);
    workers.set(
        p ->
            context -> {
              answer.await();
              return OperationResult.none();
            });
    long heapBefore = usedHeapAfterGc();
    long rssBefore = residentBytes();
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    CountDownLatch running = counter.expectRunning(WAITING);
    CountDownLatch ended = counter.expectEnded(WAITING);
    long start = System.nanoTime();
    for (int i = 0; i < WAITING; i++) {
      engine.start(StartRequest.of("blocking"));
    }
    await(running, "running");
    long rampNanos = System.nanoTime() - start;
    long heap = usedHeapAfterGc();
    long rss = residentBytes();
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    answer.countDown();
    await(ended, "ended");
    System.out.printf(
        "%,d waiting workers: all running after %,d ms%n"
            + "  heap used after GC: %,d KB (idle engine: %,d KB), %,d bytes per waiting worker%n"
            + "  resident set: %,d KB (idle engine: %,d KB), %,d bytes per waiting worker%n"
            + "  live platform threads: %,d (idle engine: %,d)%n",
        WAITING,
        TimeUnit.NANOSECONDS.toMillis(rampNanos),
        heap / 1024,
        heapBefore / 1024,
        (heap - heapBefore) / WAITING,
        rss / 1024,
        rssBefore / 1024,
        (rss - rssBefore) / WAITING,
        threads,
        threadsBefore);
  }

  private static void throughput(
      OperationEngine engine,
      Counter counter,
      AtomicReference<Function<Object, Worker>> workers,
      int round)
      throws InterruptedException {
    workers.set(
        p ->
            context -> {
              Thread.sleep(SLEEP_MILLIS);
              return OperationResult.none();
            });
    CountDownLatch ended = counter.expectEnded(OPERATIONS);
    long start = System.nanoTime();
    for (int i = 0; i < OPERATIONS; i++) {
      engine.start(StartRequest.of("blocking"));
    }
    await(ended, "ended");
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "round %d: %,d operations of %d ms each in %.2f s: %,.0f operations/s%n",
        round, OPERATIONS, SLEEP_MILLIS, seconds, OPERATIONS / seconds);
  }

  private static void await(CountDownLatch latch, String what) throws InterruptedException {
    if (!latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          latch.getCount() + " operations were not " + what + " within " + PATIENCE);
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The process's resident set from {@code /proc/self/status}, or -1 where there is none. */
  private static long residentBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: reported as -1
    }
    return -1;
  }

  /**
   * Counts operations that start running and that end, for the phase under way, each operation
   * once: listeners may hear a state from more than one thread.
   */
  private static final class Counter implements OperationListener {
    private final Set<OperationId> running = ConcurrentHashMap.newKeySet();
    private final Set<OperationId> ended = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch runningNow = new CountDownLatch(0);
    private volatile CountDownLatch endedNow = new CountDownLatch(0);

    CountDownLatch expectRunning(int count) {
      running.clear();
      runningNow = new CountDownLatch(count);
      return runningNow;
    }

    CountDownLatch expectEnded(int count) {
      ended.clear();
      endedNow = new CountDownLatch(count);
      return endedNow;
    }

    @Override
    public void stateChanged(OperationSnapshot snapshot) {
      if (snapshot.state() == OperationState.RUNNING) {
        if (running.add(snapshot.id())) {
          runningNow.countDown();
        }
      } else if (!snapshot.active() && ended.add(snapshot.id())) {
        endedNow.countDown();
      }
    }
  }
}
