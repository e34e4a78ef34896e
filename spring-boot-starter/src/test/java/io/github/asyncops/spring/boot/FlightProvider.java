package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import java.util.concurrent.CountDownLatch;

/**
 * A flight that runs until it is stopped, a bean with a collaborator ({@link #takeOff}), as Spring
 * applications write workers. Counts down {@link #takeOff} once it runs, and waits for its stop.
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
    CountDownLatch landing = new CountDownLatch(1);
    return new Worker() {
      @Override
      public OperationResult run(io.github.asyncops.core.spi.WorkerContext context)
          throws InterruptedException {
        takeOff.countDown();
        // The engine sets the request before it calls stop(), so a released landing sees it.
        while (!context.stopRequested()) {
          landing.await();
        }
        return OperationResult.none();
      }

      @Override
      public String stop() {
        landing.countDown();
        return "called off";
      }
    };
  }
}
