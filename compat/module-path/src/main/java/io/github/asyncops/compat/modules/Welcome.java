package io.github.asyncops.compat.modules;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.util.concurrent.CountDownLatch;

/**
 * A worker whose start text is a message from bundles in this module ({@code Welcome_en}, {@code
 * Welcome_ru}), which the engine reads from the module because {@code module-info} opens the
 * package to it. It runs until stopped.
 */
public final class Welcome implements WorkerProvider<Void> {
  /** Creates the type; {@link java.util.ServiceLoader} does. */
  public Welcome() {}

  @Override
  public String name() {
    return "welcome";
  }

  @Override
  public String messages() {
    return "io.github.asyncops.compat.modules.Welcome";
  }

  @Override
  public Worker create(Void parameters) {
    CountDownLatch stopped = new CountDownLatch(1);
    return new Worker() {
      @Override
      public Message startMessage() {
        return Message.of("welcome").with("name", "Ada");
      }

      @Override
      public OperationResult run(WorkerContext context) throws InterruptedException {
        stopped.await();
        return OperationResult.none();
      }

      @Override
      public String stop() {
        stopped.countDown();
        return null;
      }
    };
  }
}
