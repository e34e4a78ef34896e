package io.github.asyncops.core.spi;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import java.util.Objects;

/**
 * How an operation ended: what {@link OperationStore#finish} writes.
 *
 * @param state a final state
 * @param last the last progress and text
 * @param error the user-safe failure message, or null
 * @param result the result, {@link OperationResult#none()} when there is none
 */
public record Ending(OperationState state, Progress last, String error, OperationResult result) {

  /**
   * Checks the parts.
   *
   * @param state a final state
   * @param last the last progress and text
   * @param error the user-safe failure message, or null
   * @param result the result
   * @throws IllegalArgumentException if {@code state} is not final
   * @throws NullPointerException if {@code state}, {@code last} or {@code result} is null
   */
  public Ending {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(result, "result");
    if (!state.isFinal()) {
      throw new IllegalArgumentException(state + " is not a final state");
    }
  }

  /**
   * A success.
   *
   * @param last the last progress and text
   * @param result the result
   * @return the ending
   */
  public static Ending succeeded(Progress last, OperationResult result) {
    return new Ending(OperationState.SUCCEEDED, last, null, result);
  }

  /**
   * A failure.
   *
   * @param last the last progress and text
   * @param error the user-safe failure message
   * @return the ending
   */
  public static Ending failed(Progress last, String error) {
    return new Ending(OperationState.FAILED, last, error, OperationResult.none());
  }

  /**
   * A stop.
   *
   * @param last the last progress and text
   * @return the ending
   */
  public static Ending stopped(Progress last) {
    return new Ending(OperationState.STOPPED, last, null, OperationResult.none());
  }
}
