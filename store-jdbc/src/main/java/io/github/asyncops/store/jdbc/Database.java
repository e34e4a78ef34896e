package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import javax.sql.DataSource;

/**
 * Borrows connections from the application's {@link DataSource}, runs work in transactions with
 * retries, within a call budget ({@link Connections}), and converts failures: to {@link
 * StoreUnavailableException} when the database cannot be reached, which opens the breaker ({@link
 * Outage}) so that later calls fail at once, and to {@link JdbcStoreException} otherwise. Also
 * holds what every statement needs: the SQL, the dialect and the notification channel.
 *
 * <p>Each call borrows one connection and gives it back, with auto-commit as it found it, so the
 * store works with any pool. Isolation is the connection's default (READ COMMITTED on both
 * databases); the statements lock the rows they change.
 */
final class Database {

  /** Work on a connection; gets the attempt number from {@link Retry}. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection, int attempt) throws SQLException;
  }

  /** How much longer than its query timeout a console read may wait on the network. */
  private static final Duration CONSOLE_MARGIN = Duration.ofSeconds(1);

  /** The SQLState of a statement the database cancelled, here for its query timeout. */
  private static final String QUERY_CANCELED = "57014";

  final Sql sql;
  final JdbcDialect dialect;
  private final Connections connections;
  private final Outage outage;
  private final Retry retry;
  private final String channel;

  /**
   * Creates the database of one store.
   *
   * @param budget the longest one call may take, borrowing, retries and pauses included; zero for
   *     no bound
   */
  Database(
      DataSource dataSource, JdbcDialect dialect, Tables tables, Retry retry, Duration budget) {
    this.connections = new Connections(dataSource, budget);
    this.outage = new Outage(retryAfter(budget));
    this.dialect = dialect;
    this.sql = new Sql(tables, dialect);
    this.retry = retry;
    this.channel = tables.channel();
  }

  /** What callers refused in an outage are told to wait: a few probes, at least a second. */
  private static Duration retryAfter(Duration budget) {
    Duration probes = Outage.PROBE_EVERY.multipliedBy(4).plus(budget);
    return probes.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : probes;
  }

  /** The breaker, which knows whether the database is down. */
  Outage outage() {
    return outage;
  }

  /**
   * While the database is known to be down, starts a probe if one is due; the probe runs on a
   * thread of its own and closes the breaker once a connection answers. Called by the store's tick.
   *
   * @return whether the database is known to be down (before this probe's answer)
   */
  boolean probeIfDown() {
    if (outage.probeDue()) {
      connections.probe(
          answered -> {
            if (answered) {
              outage.recovered();
            }
            outage.probed();
          });
    }
    return outage.isDown();
  }

  /** Stops the threads that borrow connections. */
  void close() {
    connections.close();
  }

  /**
   * Runs work in one transaction, committed if it returns, rolled back if it throws; retried on
   * transient failures.
   *
   * @throws JdbcStoreException when it fails for good
   */
  <T> T transaction(String what, Work<T> work) {
    return call(what, true, work);
  }

  /**
   * Runs work that writes in one statement, with auto-commit: the statement commits as it runs,
   * which saves the round trip of a COMMIT. Retried on transient failures.
   *
   * @throws JdbcStoreException when it fails for good
   */
  <T> T statement(String what, Work<T> work) {
    return call(
        what,
        false,
        (connection, attempt) -> {
          if (connection.getAutoCommit()) {
            return work.run(connection, attempt);
          }
          connection.setAutoCommit(true);
          try {
            return work.run(connection, attempt);
          } finally {
            connection.setAutoCommit(false);
          }
        });
  }

  /** Runs work with auto-commit, for reads; retried on transient failures. */
  <T> T read(String what, Work<T> work) {
    return call(what, false, work);
  }

  /**
   * Runs a read of the operator console, which a broad filter can make slow. The database limits
   * each of its statements to the call budget in whole seconds, at least one ({@link #limit}), and
   * the connection's network timeout is a second longer, so a query that is merely slow is
   * cancelled by the database and fails only itself. Unlike other calls, a console read never opens
   * the breaker: one operator's query must not make the node refuse every caller.
   *
   * @throws StoreUnavailableException when the database is down or the query runs out of time
   * @throws JdbcStoreException when the read fails for another reason
   */
  <T> T consoleRead(String what, Work<T> work) {
    outage.check(what);
    long deadline = connections.deadline(Duration.ofSeconds(consoleSeconds()).plus(CONSOLE_MARGIN));
    try {
      return attempts(what, deadline, false, work);
    } catch (SQLException e) {
      if (QUERY_CANCELED.equals(e.getSQLState())) {
        throw new StoreUnavailableException(
            "could not " + what + " within " + consoleSeconds() + " s; narrow the filters", e);
      }
      if (Retry.isUnreachable(e)) {
        throw new StoreUnavailableException(
            "could not " + what + ": the database does not answer; try again later", e);
      }
      throw new JdbcStoreException("could not " + what, e, Retry.isTransient(e));
    }
  }

  /** Limits a console statement to the console's time, when calls are bounded. */
  PreparedStatement limit(PreparedStatement statement) throws SQLException {
    int seconds = consoleSeconds();
    if (seconds > 0) {
      statement.setQueryTimeout(seconds);
    }
    return statement;
  }

  /** The console's query timeout: the call budget rounded up to whole seconds; 0 for no bound. */
  private int consoleSeconds() {
    Duration budget = connections.budget();
    return budget.isZero() ? 0 : (int) Math.max(1, budget.plusMillis(999).toSeconds());
  }

  /** The channel notifications go to, for statements that notify themselves. */
  String channel() {
    return channel;
  }

  /** Tells the other nodes of a change when the current transaction commits. */
  void notify(Connection connection, String payload) throws SQLException {
    dialect.notify(connection, channel, payload);
  }

  /**
   * Runs a call within the budget: refused at once while the database is known to be down, and
   * opening the breaker when it cannot reach the database.
   *
   * @throws StoreUnavailableException when the database cannot be reached
   * @throws JdbcStoreException when the call fails for another reason
   */
  private <T> T call(String what, boolean transaction, Work<T> work) {
    outage.check(what);
    try {
      return attempts(what, connections.deadline(), transaction, work);
    } catch (SQLException e) {
      if (Retry.isUnreachable(e)) {
        throw outage.failed(what, e);
      }
      throw new JdbcStoreException("could not " + what, e, Retry.isTransient(e));
    }
  }

  /** Runs work on a borrowed connection until it succeeds, retrying transient failures. */
  private <T> T attempts(String what, long deadline, boolean transaction, Work<T> work)
      throws SQLException {
    return retry.call(
        what,
        deadline,
        attempt -> {
          try (Connections.Borrowed borrowed = connections.borrow(deadline)) {
            Connection connection = borrowed.connection;
            return transaction
                ? inTransaction(connection, work, attempt)
                : work.run(connection, attempt);
          }
        });
  }

  private static <T> T inTransaction(Connection connection, Work<T> work, int attempt)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (autoCommit) {
      connection.setAutoCommit(false);
    }
    T result;
    try {
      result = work.run(connection, attempt);
      connection.commit();
    } catch (SQLException | RuntimeException | Error e) {
      try {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      } catch (SQLException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    connection.setAutoCommit(autoCommit);
    return result;
  }

  /** The form every timestamp is written in: UTC, to the microsecond both databases keep. */
  static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : micros(instant).atOffset(ZoneOffset.UTC);
  }

  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static void setTimestamp(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, timestamp(instant));
    }
  }

  /** {@code ?, ?, ?} for an IN list of {@code n} values, at least one. */
  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(Math.max(1, n), "?"));
  }
}
