package io.github.asyncops.benchmarks;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.StartRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From {@code start()} to the worker running, on an idle in-memory engine, against the time from
 * {@code execute()} to a task running on a bare executor. Sampled, so JMH reports percentiles.
 * Target: p99 under 1 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LatencyBenchmark {
  private OperationEngine engine;
  private ExecutorService executor;

  /** Builds an engine whose workers release the latch they are given, and the executor. */
  @Setup
  public void setUp() {
    engine =
        Engines.engine(
            "signal",
            p ->
                c -> {
                  ((CountDownLatch) p).countDown();
                  return OperationResult.none();
                },
            Duration.ZERO,
            new OperationListener() {});
    executor = Executors.newFixedThreadPool(Engines.THREADS);
  }

  /** Closes both. */
  @TearDown
  public void tearDown() {
    engine.close();
    executor.shutdownNow();
  }

  /** Starts one operation and waits until its worker runs. */
  @Benchmark
  public void engineStartToRunning() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    engine.start(StartRequest.of("signal").withParameters(running));
    running.await();
  }

  /** The baseline: submits one task and waits until it runs. */
  @Benchmark
  public void executorSubmitToStart() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    executor.execute(running::countDown);
    running.await();
  }
}
