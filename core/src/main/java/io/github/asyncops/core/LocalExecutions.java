package io.github.asyncops.core;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The {@link Execution}s of operations this engine started or claimed, and the wait for them to end
 * at shutdown. The store is the source of truth; this is only what the engine must act on.
 */
final class LocalExecutions {
  private final Map<OperationId, Execution> executions = new ConcurrentHashMap<>();
  private final Object changed = new Object();
  private volatile boolean closing;

  Execution get(OperationId id) {
    return executions.get(id);
  }

  void put(Execution execution) {
    executions.put(execution.id, execution);
  }

  /** The execution of an operation, made by {@code make} if there is none. */
  Execution getOrMake(OperationId id, Function<OperationId, Execution> make) {
    return executions.computeIfAbsent(id, make);
  }

  boolean contains(OperationId id) {
    return executions.containsKey(id);
  }

  /** Tells whether the operation runs here, as opposed to elsewhere or nowhere yet. */
  boolean runsHere(OperationId id) {
    Execution execution = executions.get(id);
    return execution != null && execution.launched();
  }

  Collection<Execution> all() {
    return executions.values();
  }

  int size() {
    return executions.size();
  }

  /** Lets go of an execution, waking a shutdown that waits for the last one. */
  void remove(Execution execution) {
    if (executions.remove(execution.id, execution) && closing) {
      synchronized (changed) {
        changed.notifyAll();
      }
    }
  }

  /**
   * Waits until every execution has ended, up to {@code nanos}.
   *
   * @return true if none is left
   */
  boolean awaitEmpty(long nanos) {
    closing = true;
    long deadline = System.nanoTime() + nanos;
    synchronized (changed) {
      while (!executions.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(changed, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return executions.isEmpty();
        }
      }
      return true;
    }
  }
}
