package io.github.asyncops.compat;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A flight like the demo's missile launch: GLOBAL scope, so every caller joins the one in the air,
 * and it flies until it is stopped, reporting progress as it goes. A flight nobody stops lands by
 * itself after {@link #MAX_STEPS} steps. Each step waits on a latch that a stop releases at once.
 * Its stop text is a message, {@link #STOPPING} in English and {@link #STOPPING_RU} in Russian,
 * from its {@code FlightMessages} bundles.
 */
public final class Flight implements WorkerProvider<Void> {
  /** The type's name. */
  public static final String NAME = "flight";

  /** The text once a stop is requested, in English. */
  public static final String STOPPING = "Flight called off";

  /** The text once a stop is requested, in Russian. */
  public static final String STOPPING_RU = "Полет отменен";

  /** Steps before a flight lands by itself. */
  static final int MAX_STEPS = 6_000;

  /** The length of one step, in milliseconds: a flight lasts at most a minute. */
  private static final long STEP_MILLIS = 10;

  /** Creates the type; {@link java.util.ServiceLoader} does. */
  public Flight() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String messages() {
    return "io.github.asyncops.compat.FlightMessages";
  }

  @Override
  public Scope scope() {
    return Scope.GLOBAL;
  }

  @Override
  public Worker create(Void parameters) {
    CountDownLatch stopSignal = new CountDownLatch(1);
    return new Worker() {
      @Override
      public OperationResult run(WorkerContext context) throws InterruptedException {
        for (int step = 1; step <= MAX_STEPS; step++) {
          stopSignal.await(STEP_MILLIS, TimeUnit.MILLISECONDS);
          // A stop ends the wait. The check and the report hold the latch's monitor, which the
          // stop's text waits for, so no report lands after the stop text and replaces it.
          synchronized (stopSignal) {
            if (context.stopRequested()) {
              break;
            }
            context.progress((double) step / MAX_STEPS, "Flown " + step + " steps");
          }
        }
        return OperationResult.none();
      }

      @Override
      public Message stopMessage() {
        synchronized (stopSignal) {
          stopSignal.countDown();
        }
        return Message.of("flight.stopping");
      }
    };
  }
}
