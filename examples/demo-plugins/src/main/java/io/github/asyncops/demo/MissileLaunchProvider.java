package io.github.asyncops.demo;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.Settings;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's missile launch: one flight for everybody (GLOBAL scope, JOIN), 120 seconds in 2-second
 * steps by default. Start says "Поехали!", ping says "Полет завершен на N%", the end says
 * "Кабуууум!" and a stop says "Полет отменен", each a message that an English viewer reads as
 * "Liftoff!", "Flight N% complete", "Kaboooom!" and "Flight cancelled".
 *
 * <p>Settings: {@code flight-seconds} (1 to 86400, default 120), {@code step} (how often the flight
 * reports, default {@code 2s}) and {@code lang} ({@code ru}, the default, or {@code en}: the
 * language of the title).
 */
public final class MissileLaunchProvider implements WorkerProvider<Void> {
  private Duration flight = Duration.ofSeconds(120);
  private Duration step = Duration.ofSeconds(2);
  private Texts texts = Texts.RU;

  /** Creates the type with its defaults, as ServiceLoader does. */
  public MissileLaunchProvider() {}

  @Override
  public String name() {
    return "missile-launch";
  }

  @Override
  public void configure(ProviderContext context) {
    Settings settings = context.settings();
    flight = Duration.ofSeconds(settings.integer("flight-seconds", 120, 1, 86_400));
    step = settings.duration("step", step);
    if (step.toMillis() < 1) {
      throw settings.invalid("step", "must be at least 1ms");
    }
    texts = Texts.from(settings);
  }

  @Override
  public String messages() {
    return Texts.BUNDLE;
  }

  @Override
  public String title() {
    return texts.flightTitle;
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
    public Message startMessage() {
      return Message.of("flight.started");
    }

    @Override
    public OperationResult run(WorkerContext context) throws InterruptedException {
      long stepNanos = Math.min(step.toNanos(), flight.toNanos());
      long steps = Math.max(1, (flight.toNanos() + stepNanos - 1) / stepNanos);
      for (long n = 1; n <= steps; n++) {
        stopSignal.await(stepNanos, TimeUnit.NANOSECONDS);
        if (context.stopRequested()) {
          return OperationResult.none();
        }
        context.progress((double) n / steps);
      }
      return OperationResult.none();
    }

    @Override
    public Message stopMessage() {
      stopSignal.countDown();
      return Message.of("flight.cancelled");
    }

    @Override
    public Progress ping(Progress reported) {
      if (stopSignal.getCount() == 0 || reported.value() == 0) {
        return reported;
      }
      if (reported.value() >= 1) {
        return Progress.of(1, Message.of("flight.boom"));
      }
      // Rounded as the widget rounds its percent, so that the text and the bar say the same.
      return Progress.of(
          reported.value(),
          Message.of("flight.progress").with("percent", Math.round(reported.value() * 100)));
    }
  }
}
