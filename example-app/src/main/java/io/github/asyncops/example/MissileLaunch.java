package io.github.asyncops.example;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's missile launch: one flight for everybody (GLOBAL scope, JOIN), 120 seconds in 2-second
 * steps by default. Start says "Поехали!", ping says "Полет завершен на N%", the end says
 * "Кабуууум!" and a stop says "Полет отменен".
 */
public final class MissileLaunch implements WorkerProvider<Void> {
  /** The length of one step of the flight. */
  static final Duration STEP = Duration.ofSeconds(2);

  private final Duration flight;
  private final Language language;

  /**
   * Creates the type.
   *
   * @param flight how long a flight takes, at least 1 ms
   * @param language the language of the status texts
   */
  public MissileLaunch(Duration flight, Language language) {
    if (flight.toMillis() < 1) {
      throw new IllegalArgumentException("the flight must take at least 1 ms, was " + flight);
    }
    this.flight = flight;
    this.language = language;
  }

  @Override
  public String name() {
    return "missile-launch";
  }

  @Override
  public String title() {
    return language == Language.RU ? "Запуск ракеты" : "Missile launch";
  }

  @Override
  public Scope scope() {
    return Scope.GLOBAL;
  }

  @Override
  public int maxConcurrent() {
    return 1;
  }

  @Override
  public Worker create(Void parameters) {
    return new Flight();
  }

  /** One flight. Waits out each step on a latch that a stop releases at once. */
  private final class Flight implements Worker {
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    @Override
    public String start() {
      return language.liftOff;
    }

    @Override
    public OperationResult run(WorkerContext context) throws InterruptedException {
      long stepNanos = Math.min(STEP.toNanos(), flight.toNanos());
      long steps = Math.max(1, (flight.toNanos() + stepNanos - 1) / stepNanos);
      for (long step = 1; step <= steps; step++) {
        stopSignal.await(stepNanos, TimeUnit.NANOSECONDS);
        if (context.stopRequested()) {
          return OperationResult.none();
        }
        context.progress((double) step / steps);
      }
      return OperationResult.none();
    }

    @Override
    public String stop() {
      stopSignal.countDown();
      return language.cancelled;
    }

    @Override
    public Progress ping(Progress reported) {
      if (stopSignal.getCount() == 0 || reported.value() == 0) {
        return reported;
      }
      if (reported.value() >= 1) {
        return Progress.of(1, language.boom);
      }
      return Progress.of(reported.value(), language.flying((int) (reported.value() * 100)));
    }
  }
}
