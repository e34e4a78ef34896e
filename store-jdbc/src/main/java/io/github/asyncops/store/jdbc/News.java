package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.spi.StoreListener;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Brings news from other nodes to the engine, on one daemon thread named {@code
 * asyncops-store-news}.
 *
 * <p>On PostgreSQL it holds a connection that LISTENs on the store's channel and passes each
 * payload to the listeners (see {@link Notification}), on this thread: a listener that blocks
 * delays later news, and the driver buffers it meanwhile. When it cannot listen (H2, listening
 * turned off, or the connection broke and is being re-opened every poll interval) it polls instead:
 * every poll interval it asks which operations this node runs have a stop request. Queued work and
 * watched operations need no poll, because the engine's housekeeping tick claims and re-reads them
 * anyway. What was sent while it did not listen (before the connection opened, or while it was
 * broken) is lost, so each time it starts listening it tells the listeners that every registered
 * type may have queued work.
 */
final class News implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  /** The longest one wait for notifications blocks, which bounds how long {@link #close} waits. */
  private static final Duration LISTEN_SLICE = Duration.ofMillis(100);

  /** Opens the listening connection, or returns null when the database cannot listen. */
  @FunctionalInterface
  interface Opener {
    NotificationSource open() throws SQLException;
  }

  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();
  private final Opener opener;
  private final Supplier<Set<OperationId>> stopPoll;
  private final Supplier<Collection<String>> types;
  private final Duration pollInterval;
  private final String self;
  private final Outage outage;
  private final Object wake = new Object();
  private volatile boolean closed;
  private boolean listenFailureLogged;
  private Thread thread;

  /**
   * Creates the loop; it starts with the first listener.
   *
   * @param opener opens the listening connection; null to poll only
   * @param stopPoll the stop requests of operations running here that were not yet reported
   * @param types the names of the registered types, whose queues may hold work sent while this loop
   *     did not listen
   * @param pollInterval the pause between polls, and between attempts to listen again
   * @param self the origin this store writes into its queued notifications, whose news it skips
   * @param outage the store's breaker: while the database is down the loop neither listens nor
   *     polls, and the breaker alone logs the outage
   */
  News(
      Opener opener,
      Supplier<Set<OperationId>> stopPoll,
      Supplier<Collection<String>> types,
      Duration pollInterval,
      String self,
      Outage outage) {
    this.outage = outage;
    this.self = self;
    this.opener = opener;
    this.stopPoll = stopPoll;
    this.types = types;
    this.pollInterval = pollInterval;
  }

  void remove(StoreListener listener) {
    listeners.remove(listener);
  }

  synchronized void add(StoreListener listener) {
    listeners.add(listener);
    if (thread == null && !closed) {
      thread = new Thread(this::run, "asyncops-store-news");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void run() {
    NotificationSource source = null;
    while (!closed) {
      if (outage.isDown()) {
        pause();
        continue;
      }
      if (source == null && opener != null) {
        source = open();
        if (source != null) {
          poll();
          deliver(types.get().stream().map(type -> Notification.queued(type, null)).toList());
        }
      }
      if (source != null) {
        try {
          deliver(source.await(LISTEN_SLICE));
          continue;
        } catch (SQLException | RuntimeException e) {
          // A database that went away is the breaker's to report, once; this loop is quiet.
          LOG.log(
              unreachable(e) ? Level.DEBUG : Level.WARNING,
              "lost the LISTEN connection; polling until it is back",
              e);
          source.close();
          source = null;
        }
      }
      poll();
      pause();
    }
    if (source != null) {
      source.close();
    }
  }

  private NotificationSource open() {
    try {
      NotificationSource source = opener.open();
      if (source != null && listenFailureLogged) {
        LOG.log(Level.INFO, "listening for other nodes' news again");
        listenFailureLogged = false;
      }
      return source;
    } catch (SQLException | RuntimeException e) {
      if (unreachable(e)) {
        LOG.log(Level.DEBUG, "cannot LISTEN while the database does not answer", e);
        return null;
      }
      if (!listenFailureLogged) {
        LOG.log(
            Level.WARNING,
            "cannot LISTEN for other nodes' news; polling every "
                + pollInterval.toMillis()
                + " ms until it can",
            e);
        listenFailureLogged = true;
      }
      return null;
    }
  }

  private static boolean unreachable(Exception e) {
    return e instanceof SQLException sql && Retry.isUnreachable(sql);
  }

  /** Passes payloads on, each distinct one once per batch, in order. */
  private void deliver(List<String> payloads) {
    for (String payload : new LinkedHashSet<>(payloads)) {
      for (StoreListener listener : listeners) {
        try {
          Notification.deliver(payload, listener, self);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "a store listener failed on '" + payload + "'", e);
        }
      }
    }
  }

  private void poll() {
    Set<OperationId> stops;
    try {
      stops = stopPoll.get();
    } catch (RuntimeException e) {
      // The housekeeping calls report the outage; this poll simply tries again.
      return;
    }
    for (OperationId id : stops) {
      deliver(List.of(Notification.stopRequested(id)));
    }
  }

  private void pause() {
    synchronized (wake) {
      if (closed) {
        return;
      }
      try {
        wake.wait(Math.max(1, pollInterval.toMillis()));
      } catch (InterruptedException e) {
        closed = true;
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = thread;
    }
    synchronized (wake) {
      wake.notifyAll();
    }
    if (t != null) {
      try {
        t.join(pollInterval.plus(LISTEN_SLICE).toMillis() + 1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
