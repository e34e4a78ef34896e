package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.StoreUnavailableException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The store's circuit breaker: knows whether the database is down, so that calls fail at once
 * instead of each waiting out the call budget, and logs an outage twice, a warning when it starts
 * and a line when it ends, never a stack trace per refused call.
 *
 * <p>A call that cannot reach the database within its budget opens the breaker ({@link #failed});
 * while it is open every call is refused without touching the database ({@link #check}), and the
 * store's tick {@linkplain Database#probeIfDown probes} the database every {@link #PROBE_EVERY} on
 * a thread of its own, which closes the breaker as soon as a connection answers ({@link
 * #recovered}). No caller's request is ever the probe, so none waits for it. Written by hand rather
 * than with Resilience4j's {@code CircuitBreaker}: its half-open state lets callers' calls through
 * as trials, each of which could wait out the budget, and an outage here is one failure, not a
 * rate.
 */
final class Outage {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  /** How often the tick tries to reach the database while it is down. */
  static final Duration PROBE_EVERY = Duration.ofMillis(500);

  /** When the outage began, and why, as the log and callers see it. */
  private record Down(long sinceNanos, String reason) {}

  private final AtomicReference<Down> down = new AtomicReference<>();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicBoolean probing = new AtomicBoolean();
  private final Duration retryAfter;
  private volatile long nextProbeNanos;

  /**
   * Creates a closed breaker.
   *
   * @param retryAfter what callers refused during an outage are told to wait
   */
  Outage(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  /** Refuses a call at once while the database is known to be down. */
  void check(String what) {
    Down d = down.get();
    if (d != null) {
      refused.incrementAndGet();
      throw unavailable(what, d.reason(), null);
    }
  }

  /**
   * Opens the breaker after a call could not reach the database, logging the outage if it starts
   * now.
   *
   * @return the exception to throw to the call's caller
   */
  StoreUnavailableException failed(String what, SQLException cause) {
    String reason = reason(cause);
    Down d = new Down(System.nanoTime(), reason);
    if (down.compareAndSet(null, d)) {
      nextProbeNanos = d.sinceNanos() + PROBE_EVERY.toNanos();
      LOG.log(
          Level.WARNING,
          "the database does not answer ("
              + Retry.describe(cause)
              + "), noticed while trying to "
              + what
              + "; store calls fail at once until it answers again, which is checked every "
              + PROBE_EVERY.toMillis()
              + " ms");
    }
    return unavailable(what, reason, cause);
  }

  /**
   * Closes the breaker, logging how long the outage lasted if there was one. The line is logged
   * before the breaker closes, so whoever sees the database up again also finds it in the log.
   * Probes run one at a time, so only one of them logs.
   */
  void recovered() {
    Down d = down.get();
    if (d != null) {
      long millis = (System.nanoTime() - d.sinceNanos()) / 1_000_000;
      LOG.log(
          Level.INFO,
          "the database answers again, after "
              + String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0)
              + " s; "
              + refused.getAndSet(0)
              + " store calls were refused meanwhile");
      down.compareAndSet(d, null);
    }
  }

  /** Whether the database is known to be down. */
  boolean isDown() {
    return down.get() != null;
  }

  /** Takes the turn to probe: true if the database is down, no probe runs and one is due. */
  boolean probeDue() {
    return isDown()
        && System.nanoTime() - nextProbeNanos >= 0
        && probing.compareAndSet(false, true);
  }

  /** Ends a probe's turn; the next one is due after {@link #PROBE_EVERY}. */
  void probed() {
    nextProbeNanos = System.nanoTime() + PROBE_EVERY.toNanos();
    probing.set(false);
  }

  private StoreUnavailableException unavailable(String what, String reason, Throwable cause) {
    return new StoreUnavailableException(
        "could not " + what + ": the database does not answer (" + reason + "); try again later",
        cause,
        retryAfter);
  }

  /** Why the database is down, in words safe to show a caller: no host names, no SQL. */
  private static String reason(SQLException cause) {
    if (cause instanceof Connections.NoAnswer late) {
      return "no answer within " + late.budget.toMillis() + " ms";
    }
    return cause.getSQLState() == null ? "connection failed" : "SQLState " + cause.getSQLState();
  }
}
