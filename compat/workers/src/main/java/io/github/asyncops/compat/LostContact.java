package io.github.asyncops.compat;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.spi.OperationFailedException;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;

/**
 * A flight that fails at once the way the root README's failure example does: it throws an {@link
 * OperationFailedException} with a message and the exception that caused it, so that each viewer
 * reads the error in their own language, {@link #ERROR} in English and {@link #ERROR_RU} in
 * Russian, from the flight's {@code FlightMessages} bundles.
 */
public final class LostContact implements WorkerProvider<Void> {
  /** The type's name. */
  public static final String NAME = "lost-contact";

  /** The error, in English. */
  public static final String ERROR = "Contact lost at 40%";

  /** The error, in Russian. */
  public static final String ERROR_RU = "Связь потеряна на 40%";

  /** Creates the type; {@link java.util.ServiceLoader} does. */
  public LostContact() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String messages() {
    return "io.github.asyncops.compat.FlightMessages";
  }

  @Override
  public Worker create(Void parameters) {
    return context -> {
      IllegalStateException e = new IllegalStateException("no telemetry for 30 s");
      throw new OperationFailedException(Message.of("flight.lost").with("percent", 40), e);
    };
  }
}
