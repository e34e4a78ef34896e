package io.github.asyncops.core.testing;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.testing.Gate;

/**
 * A flight that speaks in messages from the {@code FlightMessages} bundles (ru, en): its start and
 * stop are messages, and its run reports the messages it is given, one per gate pass.
 */
public final class FlightMessagesProvider implements WorkerProvider<Void> {
  private final Gate gate;
  private final Message[] reports;

  /**
   * Creates the provider.
   *
   * @param gate the gate the run passes after each report
   * @param reports the messages to report, at 10 %, 20 % and so on
   */
  public FlightMessagesProvider(Gate gate, Message... reports) {
    this.gate = gate;
    this.reports = reports.clone();
  }

  @Override
  public String name() {
    return "flight";
  }

  @Override
  public String messages() {
    return "io.github.asyncops.core.testing.FlightMessages";
  }

  @Override
  public Scope scope() {
    return Scope.GLOBAL;
  }

  @Override
  public Worker create(Void parameters) {
    return new Worker() {
      @Override
      public Message startMessage() {
        return Message.of("flight.started");
      }

      @Override
      public OperationResult run(WorkerContext context) throws InterruptedException {
        gate.pass(context);
        for (int i = 0; i < reports.length; i++) {
          context.report((i + 1) / 10.0, reports[i]);
          gate.pass(context);
        }
        return OperationResult.none();
      }

      @Override
      public Message stopMessage() {
        return Message.of("flight.cancelled");
      }
    };
  }
}
