package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.OperationRecord;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls the engine makes on its own threads (claim, progress, finish, heartbeat, expire,
 * evict), made robust against database outages: nobody waits for their answer, so a transient
 * failure that outlasts the retries is absorbed and logged once ({@link OutageLog}), and the call
 * is made again at the next tick. A finish is the one transition no later call repeats, so it is
 * kept and written when the database answers again; progress held back by an outage or the throttle
 * is written the same way. Other failures are bugs or misconfiguration and are thrown.
 *
 * <p>Also remembers which operations this node runs, for the stop-request poll.
 */
final class NodeWork {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  private final Writes writes;
  private final Upkeep upkeep;
  private final Results results;
  private final ProgressThrottle throttle;
  private final OutageLog outage = new OutageLog();
  private final Map<OperationId, Writes.Finish> unwrittenFinishes = new ConcurrentHashMap<>();
  private final Set<OperationId> runningHere = ConcurrentHashMap.newKeySet();
  private final Set<OperationId> reportedStops = ConcurrentHashMap.newKeySet();

  NodeWork(Writes writes, Upkeep upkeep, Results results, ProgressThrottle throttle) {
    this.writes = writes;
    this.upkeep = upkeep;
    this.results = results;
    this.throttle = throttle;
  }

  List<OperationRecord> claim(String type, int max, String node, Instant now) {
    try {
      List<OperationRecord> claimed = writes.claim(type, max, node, now);
      claimed.forEach(r -> runningHere.add(r.id()));
      outage.succeeded();
      return claimed;
    } catch (JdbcStoreException e) {
      return absorb("claim operations", e, List.of());
    }
  }

  void progress(ProgressThrottle.Report report) {
    if (throttle.offer(report)) {
      writeProgress(report);
    }
  }

  private boolean writeProgress(ProgressThrottle.Report report) {
    try {
      writes.progress(report);
      outage.succeeded();
      return true;
    } catch (JdbcStoreException e) {
      throttle.retry(report);
      return absorb("store progress", e, false);
    }
  }

  Optional<OperationRecord> finish(
      OperationId id,
      OperationState state,
      double value,
      String text,
      String error,
      OperationResult result,
      Instant now) {
    throttle.forget(id);
    runningHere.remove(id);
    reportedStops.remove(id);
    Writes.Finish finish =
        new Writes.Finish(id, state, value, text, error, results.store(id, result), now);
    try {
      Optional<OperationRecord> done = writes.finish(finish, false);
      outage.succeeded();
      discardBlobUnless(done.isPresent(), finish);
      return done;
    } catch (JdbcStoreException e) {
      if (!e.transientFailure()) {
        throw e;
      }
      unwrittenFinishes.put(id, finish);
      return absorb("finish operation " + id + " (kept to write later)", e, Optional.empty());
    }
  }

  Set<OperationId> heartbeat(String node, Collection<OperationId> ids, Instant now) {
    catchUp(now);
    if (ids.isEmpty()) {
      return Set.of();
    }
    try {
      Set<OperationId> stops = upkeep.heartbeat(node, List.copyOf(new HashSet<>(ids)), now);
      outage.succeeded();
      return stops;
    } catch (JdbcStoreException e) {
      return absorb("heartbeat", e, Set.of());
    }
  }

  List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
    try {
      List<OperationRecord> expired = upkeep.expire(staleBefore, error, now);
      outage.succeeded();
      return expired;
    } catch (JdbcStoreException e) {
      return absorb("expire operations of lost nodes", e, List.of());
    }
  }

  int evict(Instant now) {
    catchUp(now);
    try {
      Upkeep.Evicted evicted = upkeep.evict(now);
      outage.succeeded();
      evicted.blobs().forEach(results::deleteBlob);
      return evicted.count();
    } catch (JdbcStoreException e) {
      return absorb("evict operations", e, 0);
    }
  }

  /**
   * Writes what outages and the throttle held back: finishes first, then progress whose interval
   * passed. Called on every engine tick, through heartbeat and evict; {@code now} null writes
   * finishes only.
   */
  void catchUp(Instant now) {
    for (Writes.Finish finish : List.copyOf(unwrittenFinishes.values())) {
      try {
        discardBlobUnless(writes.finish(finish, true).isPresent(), finish);
        unwrittenFinishes.remove(finish.id());
        outage.succeeded();
      } catch (JdbcStoreException e) {
        if (e.transientFailure()) {
          outage.failed("write a finish kept during an outage", e);
          return;
        }
        unwrittenFinishes.remove(finish.id());
        LOG.log(Level.ERROR, "dropped the finish of operation " + finish.id(), e);
      }
    }
    if (now != null) {
      for (ProgressThrottle.Report report : throttle.due(now)) {
        if (!writeProgress(report)) {
          return;
        }
      }
    }
  }

  /** The stop requests of operations running here that were not reported yet; for the poll. */
  Set<OperationId> pollStops() {
    List<OperationId> unreported = new ArrayList<>(runningHere);
    unreported.removeAll(reportedStops);
    if (unreported.isEmpty()) {
      return Set.of();
    }
    Set<OperationId> stopping = upkeep.stopping(unreported);
    stopping.retainAll(runningHere);
    reportedStops.addAll(stopping);
    return stopping;
  }

  int unwrittenFinishes() {
    return unwrittenFinishes.size();
  }

  /** Deletes the blob of a finish that did not take, because the operation had already ended. */
  private void discardBlobUnless(boolean written, Writes.Finish finish) {
    if (!written && StoredResult.BLOB.equals(finish.result().kind())) {
      results.deleteBlob(finish.id());
    }
  }

  private <T> T absorb(String what, JdbcStoreException e, T fallback) {
    if (!e.transientFailure()) {
      throw e;
    }
    outage.failed(what, e);
    return fallback;
  }
}
