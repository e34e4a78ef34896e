package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.StoreUnavailableException;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.OperationRecord;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The calls the engine makes on its own threads (claim, progress, finish, a finish with a claim,
 * heartbeat, expire, and the periodic eviction), made robust against database outages. A finish is
 * the one transition no later call repeats, so one that fails for a transient reason is kept and
 * written when the database answers again (under its epoch, so it changes nothing if the node lost
 * the operation meanwhile). Claims, progress and heartbeats throw after the retries, so the engine
 * tries again at its next tick, and a heartbeat that keeps failing lets the engine stop workers
 * whose lease it cannot renew. Expiry and eviction absorb the outage. The breaker ({@link Outage})
 * logs it, once; while it is open the tick only probes. Other failures are bugs or misconfiguration
 * and are thrown.
 *
 * <p>Eviction runs in batches on its own schedule, every {@code evictInterval}, not at every tick,
 * so an idle node makes few statements. Also remembers which operations this node runs, for the
 * stop-request poll.
 */
final class NodeWork {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.store.jdbc");

  private final Writes writes;
  private final FirstAnalyze firstAnalyze;
  private final Handovers handovers;
  private final Upkeep upkeep;
  private final Results results;
  private final Duration evictInterval;
  private final Map<OperationId, Writes.Finish> unwrittenFinishes = new ConcurrentHashMap<>();
  private final Set<OperationId> runningHere = ConcurrentHashMap.newKeySet();
  private final Set<OperationId> reportedStops = ConcurrentHashMap.newKeySet();
  private final BooleanSupplier probeIfDown;
  private Instant nextEviction = Instant.MIN;

  NodeWork(
      Writes writes,
      FirstAnalyze firstAnalyze,
      Handovers handovers,
      Upkeep upkeep,
      Results results,
      Duration evictInterval,
      BooleanSupplier probeIfDown) {
    this.probeIfDown = probeIfDown;
    this.writes = writes;
    this.firstAnalyze = firstAnalyze;
    this.handovers = handovers;
    this.upkeep = upkeep;
    this.results = results;
    this.evictInterval = evictInterval;
  }

  List<OperationRecord> claim(ClaimRequest request, Instant now) {
    try {
      List<OperationRecord> claimed = writes.claim(request, now);
      claimed.forEach(r -> runningHere.add(r.id()));
      return claimed;
    } catch (JdbcStoreException e) {
      throw failed("claim operations", e);
    }
  }

  Optional<OperationRecord> progress(OperationId id, long epoch, Progress progress, Instant now) {
    try {
      return writes.progress(id, epoch, progress, now);
    } catch (JdbcStoreException e) {
      throw failed("store progress", e);
    }
  }

  Optional<OperationRecord> finish(OperationId id, long epoch, Ending ending, Instant now) {
    Writes.Finish finish = finishing(id, epoch, ending, now);
    try {
      Optional<OperationRecord> done = writes.finish(finish);
      discardBlobUnless(done.isPresent(), finish);
      return done;
    } catch (StoreUnavailableException e) {
      unwrittenFinishes.put(finish.id(), finish);
      return Optional.empty();
    } catch (JdbcStoreException e) {
      return keep(finish, e, Optional.empty());
    }
  }

  /** A finish and a claim in one go; a finish that fails for a transient reason is kept. */
  Handover finishAndClaim(
      OperationId id, long epoch, Ending ending, ClaimRequest next, Instant now) {
    Writes.Finish finish = finishing(id, epoch, ending, now);
    try {
      Handover handover = handovers.finishAndClaim(finish, next, now);
      discardBlobUnless(handover.finished().isPresent(), finish);
      handover.claimed().forEach(r -> runningHere.add(r.id()));
      return handover;
    } catch (StoreUnavailableException e) {
      unwrittenFinishes.put(finish.id(), finish);
      return new Handover(Optional.empty(), List.of());
    } catch (JdbcStoreException e) {
      return keep(finish, e, new Handover(Optional.empty(), List.of()));
    }
  }

  private Writes.Finish finishing(OperationId id, long epoch, Ending ending, Instant now) {
    runningHere.remove(id);
    reportedStops.remove(id);
    return new Writes.Finish(id, epoch, ending, results.store(id, ending.result()), now);
  }

  /** Keeps a finish that failed for a transient reason, to write it when the database answers. */
  private <T> T keep(Writes.Finish finish, JdbcStoreException e, T fallback) {
    if (!e.transientFailure()) {
      throw e;
    }
    unwrittenFinishes.put(finish.id(), finish);
    return absorb("finish operation " + finish.id() + " (kept to write later)", e, fallback);
  }

  Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now) {
    catchUp();
    if (held.isEmpty()) {
      return Heartbeat.NONE;
    }
    try {
      return upkeep.heartbeat(node, held, now);
    } catch (JdbcStoreException e) {
      throw failed("heartbeat", e);
    }
  }

  List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
    try {
      return upkeep.expire(staleBefore, error, now);
    } catch (StoreUnavailableException e) {
      return List.of();
    } catch (JdbcStoreException e) {
      return absorb("expire operations of lost nodes", e, List.of());
    }
  }

  /**
   * The store's tick: finishes kept during an outage, this node's change of the queue's size, the
   * table's first statistics ({@link FirstAnalyze}), and when the eviction interval passed,
   * eviction and a count of the queue.
   */
  void tick(Instant now) {
    if (probeIfDown.getAsBoolean()) {
      return;
    }
    catchUp();
    QueueCount queue = writes.queue();
    if (!step("update the queue's size", queue::flush)
        || !step("analyze the operation table", firstAnalyze::tick)
        || now.isBefore(nextEviction)) {
      return;
    }
    nextEviction = now.plus(evictInterval);
    evict(now);
    step("count the queue", queue::recount);
  }

  /**
   * Runs one step of the tick, absorbing its failure: the next tick or interval tries again.
   *
   * @return false if the database could not be reached (the breaker logged it)
   */
  private static boolean step(String what, Runnable step) {
    try {
      step.run();
      return true;
    } catch (StoreUnavailableException e) {
      return false;
    } catch (JdbcStoreException e) {
      absorb(what, e, null);
      return true;
    }
  }

  int evict(Instant now) {
    try {
      Upkeep.Evicted evicted = upkeep.evict(now);
      evicted.blobs().forEach(results::deleteBlob);
      return evicted.count();
    } catch (StoreUnavailableException e) {
      return 0;
    } catch (JdbcStoreException e) {
      return absorb("evict operations", e, 0);
    }
  }

  /** Writes the finishes that outages held back. */
  void catchUp() {
    for (Writes.Finish finish : List.copyOf(unwrittenFinishes.values())) {
      try {
        discardBlobUnless(writes.finish(finish).isPresent(), finish);
        unwrittenFinishes.remove(finish.id());
      } catch (StoreUnavailableException e) {
        return;
      } catch (JdbcStoreException e) {
        if (e.transientFailure()) {
          return;
        }
        unwrittenFinishes.remove(finish.id());
        LOG.log(Level.ERROR, "dropped the finish of operation " + finish.id(), e);
      }
    }
  }

  /** Hands a failure back for the engine to retry. */
  private static JdbcStoreException failed(String what, JdbcStoreException e) {
    LOG.log(Level.DEBUG, "could not " + what + ": " + e.getMessage());
    return e;
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

  /**
   * Answers a fallback for a call that failed for a transient reason other than an outage (a
   * serialization failure, a deadlock, a lock timeout, after the retries): the next tick tries
   * again.
   */
  private static <T> T absorb(String what, JdbcStoreException e, T fallback) {
    if (!e.transientFailure()) {
      throw e;
    }
    LOG.log(Level.INFO, "could not " + what + " this time, trying again later: " + e.getMessage());
    return fallback;
  }
}
