package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.Subscription;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Holds the responses of starts with {@code Prefer: wait} without holding request threads: each is
 * suspended with {@link AsyncResponse} and resumed when its operation ends or its wait is over. At
 * most {@code capacity} are suspended at once; a start beyond that is answered at once, as if it
 * had asked for no wait, so a flood of waiting starts cannot exhaust memory or connections.
 *
 * <p>A response is resumed exactly once, by whichever comes first: the watch seeing the end
 * (resumed on the adapter's executor, never on an engine thread) or the runtime's timeout (resumed
 * on the runtime's timer thread, which must resume before it returns or the runtime answers 503).
 */
final class WaitingStarts {
  private final int capacity;
  private final AtomicInteger suspended = new AtomicInteger();

  /**
   * Creates the holder.
   *
   * @param capacity the most responses suspended at once; 0 turns waiting off
   */
  WaitingStarts(int capacity) {
    this.capacity = capacity;
  }

  /**
   * Takes a place for a waiting start.
   *
   * @return true if the start may wait; then {@link #suspend} must follow
   */
  boolean tryEnter() {
    while (true) {
      int now = suspended.get();
      if (now >= capacity) {
        return false;
      }
      if (suspended.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /**
   * How many responses are suspended now.
   *
   * @return the count
   */
  int suspended() {
    return suspended.get();
  }

  /**
   * Suspends a response until the operation ends or the wait is over, in a place taken with {@link
   * #tryEnter}.
   *
   * @param async the response to resume
   * @param engine the engine
   * @param id the operation
   * @param wait how long to wait at most
   * @param executor where to resume when the operation ends
   * @param answer builds the response from the status at that moment
   */
  void suspend(
      AsyncResponse async,
      OperationEngine engine,
      OperationId id,
      Duration wait,
      Executor executor,
      Function<OperationSnapshot, Response> answer) {
    Held held = new Held(async, answer);
    try {
      async.setTimeoutHandler(timedOut -> held.resume(() -> engine.status(id)));
      async.setTimeout(wait.toMillis(), TimeUnit.MILLISECONDS);
      held.watch(
          engine.watch(
              id,
              new OperationListener() {
                @Override
                public void stateChanged(OperationSnapshot snapshot) {
                  if (!snapshot.active()) {
                    executor.execute(() -> held.resume(() -> snapshot));
                  }
                }
              }));
      // The operation may have ended before the watch began.
      OperationSnapshot now = engine.status(id);
      if (!now.active()) {
        held.resume(() -> now);
      }
    } catch (RuntimeException e) {
      held.resume(
          () -> {
            throw e;
          });
    }
  }

  /** One suspended response, resumed once; resuming gives its place back and ends its watch. */
  private final class Held {
    private final AsyncResponse async;
    private final Function<OperationSnapshot, Response> answer;
    private final AtomicBoolean resumed = new AtomicBoolean();
    private Subscription subscription;

    Held(AsyncResponse async, Function<OperationSnapshot, Response> answer) {
      this.async = async;
      this.answer = answer;
    }

    synchronized void watch(Subscription watch) {
      if (resumed.get()) {
        watch.close();
      } else {
        subscription = watch;
      }
    }

    void resume(Supplier<OperationSnapshot> status) {
      if (!resumed.compareAndSet(false, true)) {
        return;
      }
      synchronized (this) {
        if (subscription != null) {
          subscription.close();
        }
      }
      suspended.decrementAndGet();
      try {
        async.resume(answer.apply(status.get()));
      } catch (RuntimeException e) {
        async.resume(Guard.failure(e));
      }
    }
  }
}
