package io.github.asyncops.store.jdbc;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Tells the other nodes that work was queued, without making this node's inserts wait for each
 * other.
 *
 * <p>Design notes. PostgreSQL serialises the commits of transactions that NOTIFY: each holds the
 * notification queue's lock until its commit is flushed, so inserts that all notify commit one
 * after another and group commit stops working. Here at most one transaction of this store notifies
 * of queued work at a time. An insert that finds none in flight notifies itself, in its own
 * transaction ({@link #fold}), so a lone start still costs one transaction. An insert that commits
 * while another notifies owes its news, because that other notification may have been delivered
 * before this row was visible; owed types go out together, in one transaction of their own on a
 * daemon thread named {@code asyncops-store-announcer}, {@link #LINGER} after the first debt, so
 * that under load one notification covers every insert of that time. The node that inserted claims
 * its own work at once when it has a free slot; the linger only delays other nodes, which matters
 * when this one is busy. A notification that fails is dropped: every node also claims on each
 * heartbeat.
 */
final class Announcer implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  /** An insert that notifies for its own type, and whether it took that type's debt over. */
  record Fold(String type, boolean tookDebt) {}

  private final Set<String> owed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean notifying = new AtomicBoolean();
  private final Consumer<List<String>> send;

  /** How long owed news waits for more before it goes out. */
  static final Duration LINGER = Duration.ofMillis(5);

  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "asyncops-store-announcer");
            t.setDaemon(true);
            return t;
          });

  /**
   * Creates an announcer.
   *
   * @param send notifies of queued work of these types, in one transaction
   */
  Announcer(Consumer<List<String>> send) {
    this.send = send;
  }

  /**
   * Lets an insert notify for itself if no other notification is in flight. The caller must pass
   * the answer to {@link #end} once its transaction has ended.
   *
   * @return the fold, or null if the insert must not notify
   */
  Fold fold(String type) {
    if (!notifying.compareAndSet(false, true)) {
      return null;
    }
    // Inserts that owed this type committed before now, so this insert's notification, sent at its
    // commit, reaches the other nodes after their rows are visible.
    return new Fold(type, owed.remove(type));
  }

  /**
   * Ends an insert's part: a folded insert that did not notify gives its debt back; an insert that
   * committed without notifying leaves a debt.
   *
   * @param fold what {@link #fold} answered
   * @param type the inserted type
   * @param committed whether the insert committed a row
   */
  void end(Fold fold, String type, boolean committed) {
    if (fold == null) {
      if (committed) {
        owed.add(type);
        announceOwed();
      }
      return;
    }
    if (!committed && fold.tookDebt()) {
      owed.add(type);
    }
    notifying.set(false);
    announceOwed();
  }

  private void announceOwed() {
    if (owed.isEmpty() || !notifying.compareAndSet(false, true)) {
      return;
    }
    try {
      thread.schedule(this::sendOwed, LINGER.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      notifying.set(false);
    }
  }

  private void sendOwed() {
    try {
      List<String> types = new ArrayList<>();
      for (String type : owed) {
        if (owed.remove(type)) {
          types.add(type);
        }
      }
      if (!types.isEmpty()) {
        send.accept(types);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "could not tell other nodes of queued work; they claim at heartbeat", e);
    } finally {
      notifying.set(false);
    }
    announceOwed();
  }

  @Override
  public void close() {
    thread.shutdown();
  }
}
