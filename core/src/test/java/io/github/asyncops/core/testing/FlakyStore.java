package io.github.asyncops.core.testing;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.ForwardingOperationStore;
import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.store.InMemoryOperationStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store whose claims and finishes a test can make fail, as a database outage does. */
public final class FlakyStore extends ForwardingOperationStore {

  /** Creates a store over an empty {@link InMemoryOperationStore}. */
  public FlakyStore() {
    super(new InMemoryOperationStore());
  }

  /** While true, {@link #claim} throws. */
  public volatile boolean failClaims;

  /** While true, {@link #finish} throws. */
  public volatile boolean failFinishes;

  /** While true, {@link #insert} throws. */
  public volatile boolean failInserts;

  /** While true, {@link #heartbeat} throws. */
  public volatile boolean failHeartbeats;

  /** While true, {@link #evict} throws. */
  public volatile boolean failEvictions;

  /** While true, {@link #list} throws. */
  public volatile boolean failLists;

  private static IllegalStateException outage(String call) {
    return new IllegalStateException("the database is down (" + call + ")");
  }

  @Override
  public InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
    if (failInserts) {
      throw outage("insert");
    }
    return super.insert(record, replaceActive, queueLimit);
  }

  @Override
  public int evict(Instant now) {
    if (failEvictions) {
      throw outage("evict");
    }
    return super.evict(now);
  }

  @Override
  public List<OperationRecord> list(OperationQuery query) {
    if (failLists) {
      throw outage("list");
    }
    return super.list(query);
  }

  @Override
  public Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now) {
    if (failHeartbeats) {
      throw outage("heartbeat");
    }
    return super.heartbeat(node, held, now);
  }

  @Override
  public List<OperationRecord> claim(ClaimRequest request, Instant now) {
    if (failClaims) {
      throw outage("claim");
    }
    return super.claim(request, now);
  }

  @Override
  public Optional<OperationRecord> finish(OperationId id, long epoch, Ending ending, Instant now) {
    if (failFinishes) {
      throw outage("finish");
    }
    return super.finish(id, epoch, ending, now);
  }

  @Override
  public Handover finishAndClaim(
      OperationId id, long epoch, Ending ending, ClaimRequest next, Instant now) {
    if (failFinishes || failClaims) {
      throw outage("finish and claim");
    }
    return super.finishAndClaim(id, epoch, ending, next, now);
  }
}
