package io.github.asyncops.store.jdbc;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Logs a database outage once: the first failure of a call the store absorbs (housekeeping calls,
 * progress, finishes kept for later), and the first success after it. The engine's housekeeping
 * would otherwise log the same failure ten times a second.
 */
final class OutageLog {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  private final AtomicBoolean down = new AtomicBoolean();

  void failed(String what, JdbcStoreException e) {
    if (down.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "could not "
              + what
              + "; the store keeps retrying, and logs again"
              + " once the database answers",
          e);
    }
  }

  void succeeded() {
    if (down.compareAndSet(true, false)) {
      LOG.log(Level.INFO, "the database answers again");
    }
  }

  boolean down() {
    return down.get();
  }
}
