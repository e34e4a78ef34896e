package io.github.asyncops.core;

import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationFailedException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Turns exceptions into messages safe to show users (the message only, never a stack trace) and
 * into the stack trace text that only operators see. An {@link OperationFailedException} gives its
 * {@link Message}, rendered in the default language for the stored text and kept beside it.
 */
final class Failures {
  /** The longest error message kept; longer ones are cut. */
  private static final int MAX_LENGTH = 500;

  private Failures() {}

  private static String message(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return "the operation failed (" + t.getClass().getSimpleName() + ")";
    }
    return bounded(message);
  }

  /**
   * The failure of an operation of a type that threw: its error, as a message when the worker threw
   * an {@link OperationFailedException}, and its cause.
   */
  static Ending ending(Progress last, Throwable t, MessageTexts texts, String type) {
    if (t instanceof OperationFailedException failed && failed.userMessage() != null) {
      Message error = failed.userMessage();
      return Ending.failed(last, bounded(texts.render(type, error)), error, cause(t));
    }
    return Ending.failed(last, message(t), cause(t));
  }

  private static String bounded(String message) {
    return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH - 1) + "…";
  }

  /** The stack trace of a failure, for the operator console; {@link Ending} bounds its length. */
  private static String cause(Throwable t) {
    StringWriter text = new StringWriter();
    t.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /** Tells whether a failure is the thread's interruption surfacing through the worker. */
  static boolean isInterruption(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InterruptedException
          || c instanceof java.io.InterruptedIOException
          || c instanceof java.nio.channels.ClosedByInterruptException) {
        return true;
      }
    }
    return false;
  }
}
