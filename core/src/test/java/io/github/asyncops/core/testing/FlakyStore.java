package io.github.asyncops.core.testing;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.store.InMemoryOperationStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An in-memory store whose claims and finishes a test can make fail, as a database outage does. */
public final class FlakyStore implements OperationStore {
  private final InMemoryOperationStore delegate = new InMemoryOperationStore();

  /** While true, {@link #claim} throws. */
  public volatile boolean failClaims;

  /** While true, {@link #finish} throws. */
  public volatile boolean failFinishes;

  private static IllegalStateException outage(String call) {
    return new IllegalStateException("the database is down (" + call + ")");
  }

  @Override
  public List<OperationRecord> claim(String type, int max, String node, Instant now) {
    if (failClaims) {
      throw outage("claim");
    }
    return delegate.claim(type, max, node, now);
  }

  @Override
  public Optional<OperationRecord> finish(
      OperationId id,
      OperationState state,
      double value,
      String text,
      String error,
      OperationResult result,
      Instant now) {
    if (failFinishes) {
      throw outage("finish");
    }
    return delegate.finish(id, state, value, text, error, result, now);
  }

  @Override
  public InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
    return delegate.insert(record, replaceActive, queueLimit);
  }

  @Override
  public Optional<OperationRecord> find(OperationId id) {
    return delegate.find(id);
  }

  @Override
  public boolean forgotten(OperationId id) {
    return delegate.forgotten(id);
  }

  @Override
  public List<OperationRecord> list(OperationQuery query) {
    return delegate.list(query);
  }

  @Override
  public Optional<OperationRecord> requestStop(OperationId id, String text, Instant now) {
    return delegate.requestStop(id, text, now);
  }

  @Override
  public void progress(OperationId id, double value, String text, Instant now) {
    delegate.progress(id, value, text, now);
  }

  @Override
  public Set<OperationId> heartbeat(String node, Collection<OperationId> ids, Instant now) {
    return delegate.heartbeat(node, ids, now);
  }

  @Override
  public List<OperationRecord> expire(Instant staleBefore, String error, Instant now) {
    return delegate.expire(staleBefore, error, now);
  }

  @Override
  public int evict(Instant now) {
    return delegate.evict(now);
  }

  @Override
  public boolean delete(OperationId id) {
    return delegate.delete(id);
  }
}
