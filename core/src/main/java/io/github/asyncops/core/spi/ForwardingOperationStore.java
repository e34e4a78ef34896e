package io.github.asyncops.core.spi;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationSummary;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A store that passes every call to another one, for decorators that observe or change a few calls
 * (metrics, tests that inject faults) and inherit the rest. Every method, the defaults included,
 * forwards, so a decorated store keeps its own {@code finishAndClaim}, {@code tick}, {@code
 * summary}, {@code progressInterval}, {@code register} and {@code listen}.
 */
public abstract class ForwardingOperationStore implements OperationStore {
  private final OperationStore delegate;

  /**
   * Wraps a store.
   *
   * @param delegate the store every call goes to
   */
  protected ForwardingOperationStore(OperationStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /**
   * The wrapped store.
   *
   * @return the store every call goes to
   */
  protected OperationStore delegate() {
    return delegate;
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
  public OperationSummary summary(Instant now) {
    return delegate.summary(now);
  }

  @Override
  public List<OperationRecord> claim(ClaimRequest request, Instant now) {
    return delegate.claim(request, now);
  }

  @Override
  public Optional<OperationRecord> requestStop(OperationId id, String text, Instant now) {
    return delegate.requestStop(id, text, now);
  }

  @Override
  public Optional<OperationRecord> progress(
      OperationId id, long epoch, Progress progress, Instant now) {
    return delegate.progress(id, epoch, progress, now);
  }

  @Override
  public Optional<OperationRecord> finish(OperationId id, long epoch, Ending ending, Instant now) {
    return delegate.finish(id, epoch, ending, now);
  }

  @Override
  public Handover finishAndClaim(
      OperationId id, long epoch, Ending ending, ClaimRequest next, Instant now) {
    return delegate.finishAndClaim(id, epoch, ending, next, now);
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
  public void tick(Instant now) {
    delegate.tick(now);
  }

  @Override
  public Duration progressInterval() {
    return delegate.progressInterval();
  }

  @Override
  public boolean delete(OperationId id) {
    return delegate.delete(id);
  }

  @Override
  public void register(List<OperationType> types) {
    delegate.register(types);
  }

  @Override
  public Subscription listen(StoreListener listener) {
    return delegate.listen(listener);
  }
}
