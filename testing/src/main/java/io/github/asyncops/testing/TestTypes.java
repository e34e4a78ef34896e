package io.github.asyncops.testing;

import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.StartPolicy;
import java.time.Duration;

/** Operation type declarations for store tests, as an engine {@code register}s them. */
public final class TestTypes {
  private TestTypes() {}

  /**
   * A type of scope NONE and policy JOIN, 4 concurrent, no timeout, 1 minute retention, a 3-second
   * poll interval and a 30-second stall threshold, as {@link TestProvider#of} declares it, with
   * these parameters.
   *
   * @param name the type name
   * @param parameterType the class its parameters decode into
   * @param restartable whether a shared store queues it again when its node is lost
   * @return the declaration
   */
  public static OperationType of(String name, Class<?> parameterType, boolean restartable) {
    return new OperationType(
        name,
        name,
        Scope.NONE,
        StartPolicy.JOIN,
        parameterType,
        4,
        Duration.ZERO,
        Duration.ofMinutes(1),
        Duration.ofSeconds(3),
        restartable,
        Duration.ofSeconds(30));
  }
}
