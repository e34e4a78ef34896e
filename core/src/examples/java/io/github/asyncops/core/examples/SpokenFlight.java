package io.github.asyncops.core.examples;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.OperationFailedException;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.testing.Gate;

/**
 * The README's "texts in each viewer's language" example, {@code spoken-flight}: a GLOBAL flight
 * that speaks in messages from its {@code SpokenFlight} bundles (ru, en), driven by a {@link Gate}.
 * It starts with "flight.started", passes the gate, reports "flight.progress" at 40 %, passes the
 * gate again and ends; a stop shows "flight.cancelled". Started with {@code {"lost": true}}, it
 * fails at 40 % with the error "flight.lost" instead of passing the gate again. The one copy:
 * core's tests compile it, and the other modules' tests get it from asyncops-test-support.
 */
public final class SpokenFlight implements WorkerProvider<SpokenFlight.Course> {
  /**
   * The flight's parameters.
   *
   * @param lost whether contact is lost at 40 %, which fails the flight
   */
  public record Course(Boolean lost) {}

  private final Gate gate;

  /**
   * Creates the type.
   *
   * @param gate lets the flight through its start and its 40 %
   */
  public SpokenFlight(Gate gate) {
    this.gate = gate;
  }

  @Override
  public String name() {
    return "spoken-flight";
  }

  @Override
  public String messages() {
    return "io.github.asyncops.core.examples.SpokenFlight";
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
    return new Flight(course != null && Boolean.TRUE.equals(course.lost()));
  }

  private final class Flight implements Worker {
    private final boolean lost;

    Flight(boolean lost) {
      this.lost = lost;
    }

    @Override
    public Message startMessage() {
      return Message.of("flight.started");
    }

    @Override
    public OperationResult run(WorkerContext context) throws InterruptedException {
      if (!gate.pass(context)) {
        return OperationResult.none();
      }
      context.report(0.4, Message.of("flight.progress").with("percent", 40));
      try {
        listen();
      } catch (IllegalStateException e) {
        throw new OperationFailedException(Message.of("flight.lost").with("percent", 40), e);
      }
      gate.pass(context);
      return OperationResult.none();
    }

    private void listen() {
      if (lost) {
        throw new IllegalStateException("no telemetry");
      }
    }

    @Override
    public Message stopMessage() {
      return Message.of("flight.cancelled");
    }
  }
}
