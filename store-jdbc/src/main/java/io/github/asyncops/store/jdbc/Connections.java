package io.github.asyncops.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Borrows connections within a deadline, whatever the pool's own timeouts: {@code
 * DataSource.getConnection()} has no timeout of its own (HikariCP waits its {@code
 * connectionTimeout}, 30 s by default, and a plain driver its TCP connect), so it runs on a thread
 * of this class's while the caller waits at most until its deadline. A connection that arrives
 * after its caller gave up is closed at once, which hands it back to the pool. Once borrowed, the
 * connection's {@linkplain Connection#setNetworkTimeout network timeout} is set to what is left of
 * the deadline, so a database that stops answering mid-statement fails the read instead of hanging
 * it, and put back when the connection is returned ({@link Borrowed#close()}).
 *
 * <p>A budget of zero turns all of this off: connections are borrowed on the caller's thread and
 * keep their network timeout.
 */
final class Connections implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  /** A connection did not arrive, or a statement did not answer, within the call budget. */
  static final class NoAnswer extends SQLTransientConnectionException {
    private static final long serialVersionUID = 1L;

    /** The budget that ran out. */
    final transient Duration budget;

    NoAnswer(Duration budget) {
      super("the database did not answer within the store's call budget of " + budget, "08001");
      this.budget = budget;
    }
  }

  private final DataSource dataSource;
  private final Duration budget;
  private final ExecutorService borrowers;
  private volatile boolean networkTimeouts = true;

  /**
   * Creates the borrower.
   *
   * @param budget the longest a store call may take, connection included; zero for no bound
   */
  Connections(DataSource dataSource, Duration budget) {
    this.dataSource = dataSource;
    this.budget = budget;
    AtomicInteger count = new AtomicInteger();
    // Threads only for waits that may outlast their caller; idle ones leave after a minute. A
    // caller waits only while the breaker is closed, so few pile up when an outage begins.
    this.borrowers =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "asyncops-store-connect-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Whether calls are bounded in time. */
  boolean bounded() {
    return !budget.isZero();
  }

  /** The deadline of a call that starts now, in {@link System#nanoTime()}; far off if unbounded. */
  long deadline() {
    return deadline(budget);
  }

  /** The deadline of a call that starts now and may take {@code length}; far off if unbounded. */
  long deadline(Duration length) {
    return bounded() ? System.nanoTime() + length.toNanos() : Long.MAX_VALUE;
  }

  /** The budget, which is zero when calls are not bounded. */
  Duration budget() {
    return budget;
  }

  /** Nanoseconds left until a deadline. */
  static long left(long deadline) {
    return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
  }

  /** A borrowed connection; closing it puts back its network timeout and returns it. */
  final class Borrowed implements AutoCloseable {
    final Connection connection;
    private final int networkTimeout;

    private Borrowed(Connection connection, int networkTimeout) {
      this.connection = connection;
      this.networkTimeout = networkTimeout;
    }

    @Override
    public void close() throws SQLException {
      try {
        if (networkTimeout >= 0 && !connection.isClosed()) {
          connection.setNetworkTimeout(borrowers, networkTimeout);
        }
      } finally {
        connection.close();
      }
    }
  }

  /**
   * Borrows a connection by the deadline, with its network timeout set to what is left of it.
   *
   * @throws NoAnswer if none arrives in time
   */
  Borrowed borrow(long deadline) throws SQLException {
    if (!bounded()) {
      return new Borrowed(dataSource.getConnection(), -1);
    }
    long left = left(deadline);
    if (left <= 0) {
      throw new NoAnswer(budget);
    }
    Borrowing borrowing = new Borrowing();
    try {
      borrowers.execute(borrowing);
    } catch (RejectedExecutionException e) {
      throw new SQLException("the store is closed", "08003", e);
    }
    Connection connection = borrowing.await(left);
    return new Borrowed(connection, boundReads(connection, deadline));
  }

  /**
   * Tries one connection without a deadline, on a borrower thread, and tells the result; the caller
   * does not wait.
   */
  void probe(java.util.function.Consumer<Boolean> answered) {
    try {
      borrowers.execute(
          () -> {
            boolean ok;
            try (Connection c = dataSource.getConnection()) {
              ok = c.isValid((int) Math.max(1, budget.toSeconds()));
            } catch (SQLException | RuntimeException e) {
              ok = false;
            }
            answered.accept(ok);
          });
    } catch (RejectedExecutionException e) {
      answered.accept(false);
    }
  }

  /**
   * Sets the network timeout to what is left until the deadline.
   *
   * @return the timeout before, to put back; -1 if the driver has none
   */
  private int boundReads(Connection connection, long deadline) throws SQLException {
    if (!networkTimeouts) {
      return -1;
    }
    int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, left(deadline) / 1_000_000));
    try {
      int before = connection.getNetworkTimeout();
      connection.setNetworkTimeout(borrowers, millis);
      return before;
    } catch (SQLFeatureNotSupportedException | UnsupportedOperationException e) {
      // Embedded databases have no network; their calls are bounded only while borrowing.
      networkTimeouts = false;
      LOG.log(Level.DEBUG, "the driver has no network timeout; only borrowing is bounded");
      return -1;
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  @Override
  public void close() {
    borrowers.shutdown();
  }

  /** One borrowing: the borrower thread hands over the connection, or closes it if too late. */
  private final class Borrowing implements Runnable {
    private Connection connection;
    private SQLException failure;
    private boolean done;
    private boolean abandoned;

    @Override
    public void run() {
      Connection c = null;
      SQLException f = null;
      try {
        c = dataSource.getConnection();
      } catch (SQLException e) {
        f = e;
      } catch (RuntimeException e) {
        f = new SQLException("the data source failed: " + e, e);
      }
      synchronized (this) {
        if (!abandoned) {
          connection = c;
          failure = f;
          done = true;
          notifyAll();
          return;
        }
      }
      if (c != null) {
        try {
          c.close();
        } catch (SQLException e) {
          LOG.log(Level.DEBUG, "could not return a connection that arrived too late", e);
        }
      }
    }

    synchronized Connection await(long nanos) throws SQLException {
      long deadline = System.nanoTime() + nanos;
      while (!done) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          abandoned = true;
          throw new NoAnswer(budget);
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          abandoned = true;
          Thread.currentThread().interrupt();
          throw new SQLException("interrupted while waiting for a connection", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return connection;
    }
  }
}
