package io.github.asyncops.benchmarks;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import java.time.Duration;
import java.util.function.Function;

/** Engines and operation types shared by the benchmarks. */
final class Engines {
  /** Worker threads for the engine and for the plain-executor baselines alike. */
  static final int THREADS = 2;

  private Engines() {}

  /** An in-memory engine with one type, {@code THREADS} slots, and a large queue. */
  static OperationEngine engine(
      String type, Function<Object, Worker> workers, Duration retention, OperationListener l) {
    return OperationEngine.builder()
        .discover(false)
        .maxRunning(THREADS)
        .queueCapacity(1_000_000)
        .listener(l)
        .worker(provider(type, workers, retention))
        .build();
  }

  static WorkerProvider<Object> provider(
      String type, Function<Object, Worker> workers, Duration retention) {
    return provider(type, workers, retention, THREADS);
  }

  /** A type that runs at most {@code maxConcurrent} operations at once on each node. */
  static WorkerProvider<Object> provider(
      String type, Function<Object, Worker> workers, Duration retention, int maxConcurrent) {
    return new WorkerProvider<>() {
      @Override
      public String name() {
        return type;
      }

      @Override
      public Scope scope() {
        return Scope.NONE;
      }

      @Override
      public Class<Object> parameterType() {
        return Object.class;
      }

      @Override
      public int maxConcurrent() {
        return maxConcurrent;
      }

      @Override
      public Duration retention() {
        return retention;
      }

      @Override
      public Worker create(Object parameters) {
        return workers.apply(parameters);
      }
    };
  }

  /** A worker that does nothing. */
  static Worker noop(Object parameters) {
    return context -> OperationResult.none();
  }
}
