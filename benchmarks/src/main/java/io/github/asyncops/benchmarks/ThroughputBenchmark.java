package io.github.asyncops.benchmarks;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.store.InMemoryOperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * No-op operations from start to SUCCEEDED on the in-memory engine, against a bare {@link
 * java.util.concurrent.ThreadPoolExecutor} with as many threads running the same no-op tasks.
 * Targets: at least 0.5x the executor, and at least 50,000 operations a second.
 *
 * <p>A diagnostic, {@link #storeOnly}, runs the same executor with tasks that make only the store
 * transitions an operation needs, and no engine: what any engine on this store could reach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ThroughputBenchmark {
  private static final int BATCH = 10_000;

  private OperationEngine engine;
  private ExecutorService executor;
  private InMemoryOperationStore store;
  private volatile CountDownLatch finished;

  /** Builds the engine, which forgets finished operations at once, and the executor. */
  @Setup
  public void setUp() {
    engine =
        Engines.engine(
            "noop",
            Engines::noop,
            Duration.ZERO,
            new OperationListener() {
              @Override
              public void stateChanged(OperationSnapshot snapshot) {
                if (!snapshot.active()) {
                  finished.countDown();
                }
              }
            });
    executor = Executors.newFixedThreadPool(Engines.THREADS);
    store = new InMemoryOperationStore();
  }

  /** Closes both. */
  @TearDown
  public void tearDown() {
    engine.close();
    executor.shutdownNow();
  }

  /** Starts a batch of operations and waits until all have finished. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void engine() throws InterruptedException {
    finished = new CountDownLatch(BATCH);
    for (int i = 0; i < BATCH; i++) {
      engine.start(StartRequest.of("noop"));
    }
    finished.await();
  }

  /** The baseline: submits a batch of no-op tasks and waits until all have run. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void executor() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(BATCH);
    for (int i = 0; i < BATCH; i++) {
      executor.execute(done::countDown);
    }
    done.await();
  }

  /**
   * The diagnostic: for each operation, a fresh id and a QUEUED record inserted by the caller, a
   * task that claims and finishes it on the executor, and the finished records evicted after each
   * batch, as the engine's tick does with a zero retention.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void storeOnly() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(BATCH);
    for (int i = 0; i < BATCH; i++) {
      OperationRecord record =
          OperationRecord.queued(
              OperationId.random(), "noop", null, null, null, null, Duration.ZERO, Instant.now());
      store.insert(record, false, Integer.MAX_VALUE);
      executor.execute(
          () -> {
            long epoch =
                store.claim(new ClaimRequest("noop", 1, "node"), Instant.now()).stream()
                    .mapToLong(r -> r.lease().epoch())
                    .findFirst()
                    .orElse(0);
            store.finish(
                record.id(),
                epoch,
                Ending.succeeded(new Progress(1, null), OperationResult.none()),
                Instant.now());
            done.countDown();
          });
    }
    done.await();
    store.evict(Instant.now());
  }
}
