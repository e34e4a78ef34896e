package io.github.asyncops.core;

import io.github.asyncops.core.spi.Ending;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Turns exceptions into messages safe to show users (the message only, never a stack trace) and
 * into the stack trace text that only operators see.
 */
final class Failures {
  /** The longest error message kept; longer ones are cut. */
  private static final int MAX_LENGTH = 500;

  private Failures() {}

  static String message(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return "the operation failed (" + t.getClass().getSimpleName() + ")";
    }
    return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH - 1) + "…";
  }

  /** The stack trace of a failure, for the operator console; {@link Ending} bounds its length. */
  static String cause(Throwable t) {
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
