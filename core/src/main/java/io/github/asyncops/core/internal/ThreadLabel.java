package io.github.asyncops.core.internal;

/**
 * Names a worker thread after the operation it runs, so that every line the worker logs, through
 * any logging library that prints the thread name, can be traced to the operation without an MDC.
 * The name reads {@code asyncops-worker-3 [report 6q1z...]} and is restored when the run ends.
 */
final class ThreadLabel {
  private ThreadLabel() {}

  /**
   * Appends the operation's type and id to the current thread's name.
   *
   * @return the name to restore with {@link #restore}
   */
  static String enter(Execution execution) {
    Thread thread = Thread.currentThread();
    String original = thread.getName();
    thread.setName(original + " [" + execution.type.type.name() + " " + execution.id + "]");
    return original;
  }

  /** Gives the current thread back the name it had before {@link #enter}. */
  static void restore(String original) {
    Thread.currentThread().setName(original);
  }
}
