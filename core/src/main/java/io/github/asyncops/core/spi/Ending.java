package io.github.asyncops.core.spi;

import io.github.asyncops.core.Message;
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
 * @param cause what the worker threw, as stack trace text, or null; cut to {@link #MAX_CAUSE}
 *     characters; for operators only
 * @param errorMessage the failure as a message ({@link OperationFailedException}), which each
 *     viewer reads in their own language, or null when the error is plain text; {@code error} is
 *     then its rendering in the engine's default language
 */
public record Ending(
    OperationState state,
    Progress last,
    String error,
    OperationResult result,
    String cause,
    Message errorMessage) {

  /** The most characters of a failure's stack trace kept (16 KiB of text). */
  public static final int MAX_CAUSE = 16 * 1024;

  /**
   * Checks the parts and cuts the cause to {@link #MAX_CAUSE} characters.
   *
   * @param state a final state
   * @param last the last progress and text
   * @param error the user-safe failure message, or null
   * @param result the result
   * @param cause the stack trace text, or null
   * @param errorMessage the failure as a message, or null
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
    if (cause != null && cause.length() > MAX_CAUSE) {
      cause = cause.substring(0, MAX_CAUSE - 1) + "…";
    }
  }

  /**
   * An ending whose error, if any, is plain text.
   *
   * @param state a final state
   * @param last the last progress and text
   * @param error the user-safe failure message, or null
   * @param result the result
   * @param cause the stack trace text, or null
   * @throws IllegalArgumentException if {@code state} is not final
   * @throws NullPointerException if {@code state}, {@code last} or {@code result} is null
   */
  public Ending(
      OperationState state, Progress last, String error, OperationResult result, String cause) {
    this(state, last, error, result, cause, null);
  }

  /**
   * An ending without a cause.
   *
   * @param state a final state
   * @param last the last progress and text
   * @param error the user-safe failure message, or null
   * @param result the result
   * @throws IllegalArgumentException if {@code state} is not final
   * @throws NullPointerException if {@code state}, {@code last} or {@code result} is null
   */
  public Ending(OperationState state, Progress last, String error, OperationResult result) {
    this(state, last, error, result, null);
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
   * A failure that a throwable caused.
   *
   * @param last the last progress and text
   * @param error the user-safe failure message
   * @param cause the throwable's stack trace text, or null
   * @return the ending
   */
  public static Ending failed(Progress last, String error, String cause) {
    return failed(last, error, null, cause);
  }

  /**
   * A failure whose error is a message, which each viewer reads in their own language.
   *
   * @param last the last progress and text
   * @param error the message rendered in the engine's default language
   * @param errorMessage the message
   * @param cause the throwable's stack trace text, or null
   * @return the ending
   */
  public static Ending failed(Progress last, String error, Message errorMessage, String cause) {
    return new Ending(
        OperationState.FAILED, last, error, OperationResult.none(), cause, errorMessage);
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
