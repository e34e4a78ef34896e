package io.github.asyncops.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;

/**
 * Repeats database calls that failed for a transient reason, as a {@link RetryPolicy} says. Which
 * failures are transient is database-specific, so it is decided here from SQLStates rather than by
 * a general retry library.
 *
 * <p>Logging: a call that succeeds after failures logs one warning naming the first failure. A call
 * that gives up logs nothing and throws; its caller reports it once.
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

  /** Pauses between attempts; tests pass one that does not sleep. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;

  Retry(RetryPolicy policy, Sleeper sleeper) {
    this.policy = policy;
    this.sleeper = sleeper;
  }

  Retry(RetryPolicy policy) {
    this(policy, pause -> Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000));
  }

  /**
   * Runs a call until it succeeds, fails for a reason that is not transient, or uses up its
   * attempts. An interrupt while pausing ends the retries with the last failure, interrupt kept.
   */
  <T> T call(String what, Attempt<T> attempt) throws SQLException {
    SQLException first = null;
    for (int n = 1; ; n++) {
      try {
        T result = attempt.run(n);
        if (first != null) {
          LOG.log(
              Level.WARNING,
              "store call '" + what + "' succeeded on attempt " + n + " after: " + describe(first));
        }
        return result;
      } catch (SQLException e) {
        if (!isTransient(e) || n >= policy.maxAttempts()) {
          if (first != null && first != e) {
            e.addSuppressed(first);
          }
          throw e;
        }
        if (first == null) {
          first = e;
        }
        try {
          sleeper.sleep(policy.backoff(n));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
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

  static String describe(SQLException e) {
    return "SQLState " + e.getSQLState() + ": " + e.getMessage();
  }
}
