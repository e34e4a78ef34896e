package io.github.asyncops.benchmarks;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.spi.WorkerContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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
 * The cost of {@link WorkerContext#progress(double, String)} inside a worker's loop, against a
 * plain volatile write of the same value. Both compute the value the same way. Target: at most 2x
 * the volatile write.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ProgressBenchmark {
  private static final String TEXT = "Exported 500 of 1000 rows";

  private volatile double sink;
  private int step;
  private OperationEngine engine;
  private WorkerContext context;
  private final CountDownLatch finish = new CountDownLatch(1);

  /** Starts an operation and keeps its context while it waits for the tear-down. */
  @Setup
  public void setUp() throws Exception {
    CompletableFuture<WorkerContext> running = new CompletableFuture<>();
    engine =
        Engines.engine(
            "hold",
            p ->
                c -> {
                  running.complete(c);
                  finish.await();
                  return OperationResult.none();
                },
            Duration.ofMinutes(1),
            new OperationListener() {});
    engine.start(StartRequest.of("hold"));
    context = running.get(10, TimeUnit.SECONDS);
  }

  /** Lets the operation end and closes the engine. */
  @TearDown
  public void tearDown() {
    finish.countDown();
    engine.close();
  }

  /** The baseline: one volatile write. */
  @Benchmark
  public void volatileWrite() {
    sink = (step++ & 1023) / 1024.0;
  }

  /** A progress report with a value and a text. */
  @Benchmark
  public void progressReport() {
    context.progress((step++ & 1023) / 1024.0, TEXT);
  }
}
