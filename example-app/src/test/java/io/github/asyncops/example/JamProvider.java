package io.github.asyncops.example;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.io.IOException;

/**
 * A plugin whose operations fail at once with a cause, which {@link AdminConsoleIT} drops into the
 * demo's {@code --plugins} so that the operator console has a failure's cause to show. Its services
 * file exists only in the jar that test builds, so no other demo finds it.
 */
public final class JamProvider implements WorkerProvider<Void> {
  /** The message of the failure's cause, which the console shows in its stack trace. */
  public static final String CAUSE = "tray 2 is empty";

  /** Creates the type, as ServiceLoader does. */
  public JamProvider() {}

  @Override
  public String name() {
    return "jam";
  }

  @Override
  public Scope scope() {
    return Scope.USER;
  }

  @Override
  public Worker create(Void parameters) {
    return new Worker() {
      @Override
      public OperationResult run(WorkerContext context) {
        throw new IllegalStateException("paper jammed", new IOException(CAUSE));
      }
    };
  }
}
