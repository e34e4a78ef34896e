package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.Settings;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;

/** A discovered provider with a required setting, {@code steps}, which its title shows. */
public final class CountdownProvider implements WorkerProvider<Void> {
  private int steps;

  @Override
  public String name() {
    return "countdown";
  }

  @Override
  public void configure(ProviderContext context) {
    Settings settings = context.settings();
    if (settings.find("steps").isEmpty()) {
      throw settings.invalid("steps", "it is required");
    }
    steps = settings.integer("steps", 1, 1, 100);
  }

  @Override
  public String title() {
    return "Countdown of " + steps + " steps";
  }

  @Override
  public Worker create(Void parameters) {
    return context -> OperationResult.none();
  }
}
