package io.github.asyncops.core.examples;

import io.github.asyncops.testing.Gate;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;

/**
 * The seed's missile launch, with a flight of {@code steps} steps that a test drives through a
 * {@link Gate} instead of a clock: GLOBAL scope, JOIN, and the seed's Russian texts.
 */
public final class MissileLaunch implements WorkerProvider<Void> {
  /** The first text. */
  public static final String LIFT_OFF = "Поехали!";

  /** The text at the end of the flight. */
  public static final String BOOM = "Кабуууум!";

  /** The text after a stop. */
  public static final String CANCELLED = "Полет отменен";

  private final int steps;
  private final Gate gate;

  /**
   * Creates the type.
   *
   * @param steps the number of steps in a flight
   * @param gate lets each step through
   */
  public MissileLaunch(int steps, Gate gate) {
    this.steps = steps;
    this.gate = gate;
  }

  /**
   * The text shown while flying.
   *
   * @param percent the whole percentage flown
   * @return "Полет завершен на N%"
   */
  public static String flying(int percent) {
    return "Полет завершен на " + percent + "%";
  }

  @Override
  public String name() {
    return "missile-launch";
  }

  @Override
  public String title() {
    return "Запуск ракеты";
  }

  @Override
  public Scope scope() {
    return Scope.GLOBAL;
  }

  @Override
  public Worker create(Void parameters) {
    return new Flight();
  }

  private final class Flight implements Worker {
    private volatile boolean cancelled;

    @Override
    public String start() {
      return LIFT_OFF;
    }

    @Override
    public OperationResult run(WorkerContext context) throws InterruptedException {
      for (int step = 1; step <= steps; step++) {
        if (!gate.pass(context)) {
          return OperationResult.none();
        }
        context.progress((double) step / steps);
      }
      return OperationResult.none();
    }

    @Override
    public String stop() {
      cancelled = true;
      return CANCELLED;
    }

    @Override
    public Progress ping(Progress reported) {
      if (cancelled || reported.value() == 0) {
        return reported;
      }
      if (reported.value() >= 1) {
        return Progress.of(1, BOOM);
      }
      return Progress.of(reported.value(), flying((int) Math.round(reported.value() * 100)));
    }
  }
}
