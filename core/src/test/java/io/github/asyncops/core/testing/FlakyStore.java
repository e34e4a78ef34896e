package io.github.asyncops.core.testing;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store whose claims and finishes a test can make fail, as a database outage does. */
public final class FlakyStore extends ForwardingStore {

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
  public Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now) {
    if (failHeartbeats) {
      throw outage("heartbeat");
    }
    return super.heartbeat(node, held, now);
  }

  @Override
  public List<OperationRecord> claim(String type, int max, String node, Instant now) {
    if (failClaims) {
      throw outage("claim");
    }
    return super.claim(type, max, node, now);
  }

  @Override
  public Optional<OperationRecord> finish(
      OperationId id,
      long epoch,
      OperationState state,
      double value,
      String text,
      String error,
      OperationResult result,
      Instant now) {
    if (failFinishes) {
      throw outage("finish");
    }
    return super.finish(id, epoch, state, value, text, error, result, now);
  }
}
