package io.github.asyncops.store.jdbc;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.RetryConfig;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Repeats database calls that failed for a transient reason, as a {@link RetryPolicy} says, with
 * Resilience4j's retry. Which failures are transient is database-specific, so it is decided here
 * from SQLStates.
 *
 * <p>Logging: a call that succeeds after failures logs one warning naming the first failure. A call
 * that gives up logs nothing and throws its last failure, with the first one suppressed in it; its
 * caller reports it once. An interrupt while pausing ends the retries the same way, interrupt kept.
 */
final class Retry {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  /** SQLStates that a later attempt may not see, beyond the connection class {@code 08}. */
  private static final Set<String> TRANSIENT_STATES =
      Set.of(
          "40001", // serialization failure
          "40P01", // PostgreSQL deadlock detected
          "57P01", // PostgreSQL admin shutdown
          "57P02", // PostgreSQL crash shutdown
          "57P03", // PostgreSQL cannot connect now
          "HYT00"); // H2 lock timeout

  /** One attempt; gets its number, from 1, so a retry can recognise its own earlier commit. */
  @FunctionalInterface
  interface Attempt<T> {
    T run(int attempt) throws SQLException;
  }

  private final io.github.resilience4j.retry.Retry retry;

  /**
   * The deadline of the call running on this thread, in {@link System#nanoTime()}: Resilience4j's
   * configuration is per retry, not per call, and it runs each call's attempts and pauses on the
   * caller's thread, so the deadline it cannot be given travels here.
   */
  private final ThreadLocal<Long> deadline = new ThreadLocal<>();

  Retry(RetryPolicy policy) {
    this(policy, pause -> {});
  }

  /**
   * Creates the retry.
   *
   * @param policy how often and with which pauses
   * @param pauses hears each pause before it is taken; tests record them
   */
  Retry(RetryPolicy policy, Consumer<Duration> pauses) {
    // A pause never outlasts the call's budget, and no attempt starts once it is spent.
    IntervalFunction backoff =
        failures -> Math.max(1, Math.min(policy.backoff(failures).toMillis(), millisLeft()));
    retry =
        io.github.resilience4j.retry.Retry.of(
            "asyncops-jdbc",
            RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(backoff)
                .retryOnException(
                    e -> e instanceof SQLException sql && isTransient(sql) && millisLeft() > 1)
                .build());
    retry.getEventPublisher().onRetry(event -> pauses.accept(event.getWaitInterval()));
  }

  private long millisLeft() {
    Long until = deadline.get();
    return until == null ? Long.MAX_VALUE : Connections.left(until) / 1_000_000;
  }

  /**
   * Runs a call until it succeeds, fails for a reason that is not transient, or uses up its
   * attempts, without a deadline.
   */
  <T> T call(String what, Attempt<T> attempt) throws SQLException {
    return call(what, Long.MAX_VALUE, attempt);
  }

  /**
   * Runs a call until it succeeds, fails for a reason that is not transient, uses up its attempts,
   * or reaches its deadline.
   *
   * @param until the deadline, in {@link System#nanoTime()}; {@link Long#MAX_VALUE} for none
   */
  <T> T call(String what, long until, Attempt<T> attempt) throws SQLException {
    Long outer = deadline.get();
    deadline.set(until);
    try {
      return attempts(what, attempt);
    } finally {
      if (outer == null) {
        deadline.remove();
      } else {
        deadline.set(outer);
      }
    }
  }

  private <T> T attempts(String what, Attempt<T> attempt) throws SQLException {
    AtomicInteger attempts = new AtomicInteger();
    AtomicReference<SQLException> first = new AtomicReference<>();
    AtomicReference<SQLException> last = new AtomicReference<>();
    Callable<T> once =
        () -> {
          try {
            return attempt.run(attempts.incrementAndGet());
          } catch (SQLException e) {
            first.compareAndSet(null, e);
            last.set(e);
            throw e;
          }
        };
    try {
      T result = retry.executeCallable(once);
      if (first.get() != null) {
        LOG.log(
            Level.WARNING,
            "store call '"
                + what
                + "' succeeded on attempt "
                + attempts.get()
                + " after: "
                + describe(first.get()));
      }
      return result;
    } catch (SQLException e) {
      throw withFirst(e, first.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw withFirst(last.get(), first.get());
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("a store call threw " + e, e);
    }
  }

  private static SQLException withFirst(SQLException last, SQLException first) {
    if (first != null && first != last) {
      last.addSuppressed(first);
    }
    return last;
  }

  /** Tells whether a failure, or one it wraps or chains, is transient. */
  static boolean isTransient(SQLException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
          return true;
        }
        SQLException next = sql.getNextException();
        if (next != null && next != sql && isTransient(next)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Tells whether a failure means the database cannot be reached, as opposed to a conflict between
   * transactions that the next attempt may not meet: a connection failure (class {@code 08}), a
   * server shutting down ({@code 57P0x}), or the driver's word for it.
   */
  static boolean isUnreachable(SQLException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
          return true;
        }
        SQLException next = sql.getNextException();
        if (next != null && next != sql && isUnreachable(next)) {
          return true;
        }
      }
    }
    return false;
  }

  static String describe(SQLException e) {
    return "SQLState " + e.getSQLState() + ": " + e.getMessage();
  }
}
