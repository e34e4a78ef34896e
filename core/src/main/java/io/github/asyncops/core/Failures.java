package io.github.asyncops.core;

/** Turns exceptions into messages safe to show users: the message only, never a stack trace. */
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
