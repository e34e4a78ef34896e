package io.github.asyncops.core.testing;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.Settings;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * A discoverable type named "greeting" that needs configuring: a required {@code greeting}, a
 * {@code repeat} count from 1 to 5 (default 1), the {@code Clock} service and a {@code Supplier} of
 * a name. Its operations succeed with the greeting, repeated, the name and the clock's instant.
 */
public final class GreetingProvider implements WorkerProvider<Void> {
  private String greeting;
  private int repeat;
  private Clock clock;
  private Supplier<?> name;

  /** Creates the provider, as ServiceLoader does. */
  public GreetingProvider() {}

  @Override
  public String name() {
    return "greeting";
  }

  @Override
  public void configure(ProviderContext context) {
    Settings settings = context.settings();
    greeting = settings.string("greeting");
    repeat = settings.integer("repeat", 1, 1, 5);
    clock = context.service(Clock.class);
    name = context.service(Supplier.class);
  }

  @Override
  public Worker create(Void parameters) {
    String text = (greeting + " ").repeat(repeat) + name.get() + " at " + clock.instant();
    return context -> OperationResult.of(text);
  }
}
