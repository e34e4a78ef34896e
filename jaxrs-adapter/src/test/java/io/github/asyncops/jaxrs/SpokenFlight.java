package io.github.asyncops.jaxrs;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.OperationFailedException;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.testing.Gate;

/**
 * {@code spoken-flight}: a GLOBAL flight that speaks in messages from its {@code SpokenFlight}
 * bundles (ru, en). It starts with "flight.started", passes the gate, reports "flight.progress" at
 * 40 %, passes the gate again and ends; a stop shows "flight.cancelled". Started with {@code
 * {"lost": true}}, it fails at 40 % with the error "flight.lost" instead of passing the gate again.
 */
final class SpokenFlight implements WorkerProvider<SpokenFlight.Course> {
  /**
   * The flight's parameters.
   *
   * @param lost whether contact is lost at 40 %, which fails the flight
   */
  record Course(Boolean lost) {}

  private final Gate gate;

  SpokenFlight(Gate gate) {
    this.gate = gate;
  }

  @Override
  public String name() {
    return "spoken-flight";
  }

  @Override
  public String messages() {
    return "io.github.asyncops.jaxrs.SpokenFlight";
  }

  @Override
  public Scope scope() {
    return Scope.GLOBAL;
  }

  @Override
  public Class<Course> parameterType() {
    return Course.class;
  }

  @Override
  public Worker create(Course course) {
    boolean lost = course != null && Boolean.TRUE.equals(course.lost());
    return new Worker() {
      @Override
      public Message startMessage() {
        return Message.of("flight.started");
      }

      @Override
      public OperationResult run(WorkerContext context) throws InterruptedException {
        if (gate.pass(context)) {
          context.report(0.4, Message.of("flight.progress").with("percent", 40));
          if (lost) {
            throw new OperationFailedException(
                Message.of("flight.lost").with("percent", 40),
                new IllegalStateException("no telemetry"));
          }
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
