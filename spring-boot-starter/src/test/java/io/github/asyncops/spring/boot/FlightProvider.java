package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A flight that runs until it is stopped, a bean with a collaborator ({@link #takeOff}), as Spring
 * applications write workers. Counts down {@link #takeOff} once it runs.
 */
public final class FlightProvider implements WorkerProvider<Void> {
  /** Counted down when a flight runs. */
  final CountDownLatch takeOff = new CountDownLatch(1);

  @Override
  public String name() {
    return "flight";
  }

  @Override
  public Scope scope() {
    return Scope.GLOBAL;
  }

  @Override
  public Class<Void> parameterType() {
    return Void.class;
  }

  @Override
  public Worker create(Void parameters) {
    return new Worker() {
      @Override
      public OperationResult run(io.github.asyncops.core.spi.WorkerContext context)
          throws InterruptedException {
        takeOff.countDown();
        while (!context.stopRequested()) {
          TimeUnit.MILLISECONDS.sleep(5);
        }
        return OperationResult.none();
      }

      @Override
      public String stop() {
        return "called off";
      }
    };
  }
}
