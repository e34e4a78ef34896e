package io.github.asyncops.testing;

import io.github.asyncops.core.spi.WorkerContext;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a test decide when workers move on. Workers {@link #pass} it; the test {@link #open}s it for
 * a number of passes. Counts the workers that arrived, so a test can wait for them.
 */
public final class Gate {
  private final Semaphore permits = new Semaphore(0);
  private final Semaphore arrivals = new Semaphore(0);

  /**
   * Lets {@code n} more passes through.
   *
   * @param n how many
   */
  public void open(int n) {
    permits.release(n);
  }

  /**
   * Waits until {@code n} workers have arrived at the gate since the last call.
   *
   * @param n how many
   * @throws InterruptedException if the test's thread is interrupted
   * @throws AssertionError if they do not arrive within 10 seconds
   */
  public void awaitArrivals(int n) throws InterruptedException {
    if (!arrivals.tryAcquire(n, 10, TimeUnit.SECONDS)) {
      throw new AssertionError("expected " + n + " workers at the gate within 10 s");
    }
  }

  /**
   * Waits for a pass while honouring stop requests: returns false once a stop is requested.
   *
   * @param context the worker's context
   * @return true when let through, false when stop was requested
   * @throws InterruptedException if the worker's thread is interrupted
   */
  public boolean pass(WorkerContext context) throws InterruptedException {
    arrivals.release();
    while (!permits.tryAcquire(2, TimeUnit.MILLISECONDS)) {
      if (context.stopRequested()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits for a pass and ignores stop requests, but not interrupts.
   *
   * @throws InterruptedException if the worker's thread is interrupted
   */
  public void passIgnoringStop() throws InterruptedException {
    arrivals.release();
    permits.acquire();
  }
}
