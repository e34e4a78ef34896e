package io.github.asyncops.core.testing;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.store.InMemoryOperationStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that hands every call to an {@link InMemoryOperationStore}; test stores extend it and
 * override the calls they change.
 */
public abstract class ForwardingStore implements OperationStore {
  /** The store every call goes to. */
  protected final InMemoryOperationStore delegate = new InMemoryOperationStore();

  /** For subclasses. */
  protected ForwardingStore() {}

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
  public List<OperationRecord> claim(String type, int max, String node, Instant now) {
    return delegate.claim(type, max, node, now);
  }

  @Override
  public Optional<OperationRecord> requestStop(OperationId id, String text, Instant now) {
    return delegate.requestStop(id, text, now);
  }

  @Override
  public Optional<OperationRecord> progress(
      OperationId id, long epoch, double value, String text, Instant now) {
    return delegate.progress(id, epoch, value, text, now);
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
    return delegate.finish(id, epoch, state, value, text, error, result, now);
  }

  @Override
  public Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now) {
    return delegate.heartbeat(node, held, now);
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
