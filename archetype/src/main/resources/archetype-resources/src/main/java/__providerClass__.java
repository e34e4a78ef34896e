package ${package};

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.Settings;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ${typeName}} operation type: works through {@code steps} steps (default 5), each
 * taking {@code pause} (default 1s), reports each one, and stops between steps when asked.
 *
 * <p>An application sets them as {@code ${typeName}.steps} and {@code ${typeName}.pause} in the
 * settings it gives {@code OperationEngine.builder().settings(...)}.
 *
 * <p>Its texts are messages from the {@code Messages} bundles next to this class (English and
 * Russian), so each viewer reads them in their own language. Add a language by adding a bundle.
 */
public final class ${providerClass} implements WorkerProvider<Void> {
  private int steps = 5;
  private Duration pause = Duration.ofSeconds(1);

  /** Creates the type with its defaults, as ServiceLoader does. */
  public ${providerClass}() {}

  @Override
  public String name() {
    return "${typeName}";
  }

  @Override
  public String messages() {
    return "${package}.Messages";
  }

  @Override
  public void configure(ProviderContext context) {
    Settings settings = context.settings();
    steps = settings.integer("steps", steps, 1, 1_000);
    pause = settings.duration("pause", pause);
  }

  @Override
  public Worker create(Void parameters) {
    CountDownLatch stopSignal = new CountDownLatch(1);
    return new Worker() {
      @Override
      public Message startMessage() {
        return Message.of("started");
      }

      @Override
      public OperationResult run(WorkerContext context) throws InterruptedException {
        for (int step = 1; step <= steps; step++) {
          stopSignal.await(pause.toNanos(), TimeUnit.NANOSECONDS);
          if (context.stopRequested()) {
            return OperationResult.none();
          }
          context.report(
              (double) step / steps, Message.of("step").with("step", step).with("steps", steps));
        }
        return OperationResult.of("done in " + steps + " steps");
      }

      @Override
      public Message stopMessage() {
        stopSignal.countDown();
        return Message.of("stopped");
      }
    };
  }
}
