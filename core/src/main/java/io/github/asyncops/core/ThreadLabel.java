package io.github.asyncops.core;

/**
 * Names a worker thread after the operation it runs, so that every line the worker logs, through
 * any logging library that prints the thread name, can be traced to the operation without an MDC.
 * The name reads {@code asyncops-worker-3 [report 6q1z...]}.
 *
 * <p>A thread that runs several operations in a row is renamed once per operation and given its own
 * name back only when it leaves them: {@link Thread#setName} is a system call (about 1 µs), which
 * costs a no-op operation more than the rest of its run.
 */
final class ThreadLabel {
  /** The name for a worker thread that has none, as virtual threads have none by default. */
  static final String VIRTUAL = "asyncops-virtual-worker";

  private ThreadLabel() {}

  /**
   * Names the current thread {@code original} followed by the operation's type and id. A thread
   * with no name of its own (a virtual thread) is named {@code asyncops-virtual-worker}.
   */
  static void enter(Execution execution, String original) {
    String own = original.isEmpty() ? VIRTUAL : original;
    Thread.currentThread()
        .setName(own + " [" + execution.type.type.name() + " " + execution.id + "]");
  }

  /** Gives the current thread back its own name, when it runs no more operations. */
  static void restore(String original) {
    Thread.currentThread().setName(original);
  }
}
