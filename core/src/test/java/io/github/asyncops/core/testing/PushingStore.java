package io.github.asyncops.core.testing;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.Subscription;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.ForwardingOperationStore;
import io.github.asyncops.core.spi.Handover;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.StoreListener;
import io.github.asyncops.core.store.InMemoryOperationStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory store shared by several engines that pushes news to all of them, as a database store
 * does with LISTEN/NOTIFY: queued records, stop requests and progress. It also records what the
 * engines tell it when they start.
 */
public final class PushingStore extends ForwardingOperationStore {
  /** Each type list an engine registered, in order. */
  public final List<List<OperationType>> registrations = new CopyOnWriteArrayList<>();

  /** The start-up calls engines made, in order: {@code "register"} and {@code "listen"}. */
  public final List<String> startCalls = new CopyOnWriteArrayList<>();

  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

  /** Creates a store over an empty {@link InMemoryOperationStore}. */
  public PushingStore() {
    super(new InMemoryOperationStore());
  }

  /**
   * Counts the engines listening now.
   *
   * @return the number of listeners
   */
  public int listeners() {
    return listeners.size();
  }

  @Override
  public void register(List<OperationType> types) {
    startCalls.add("register");
    registrations.add(types);
    super.register(types);
  }

  @Override
  public Subscription listen(StoreListener listener) {
    startCalls.add("listen");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
    InsertResult result = super.insert(record, replaceActive, queueLimit);
    if (result instanceof InsertResult.Inserted) {
      listeners.forEach(l -> l.queued(record.type()));
    }
    return result;
  }

  @Override
  public Optional<OperationRecord> requestStop(OperationId id, String text, Instant now) {
    Optional<OperationRecord> result = super.requestStop(id, text, now);
    listeners.forEach(l -> l.stopRequested(id));
    return result;
  }

  @Override
  public Optional<OperationRecord> progress(
      OperationId id, long epoch, Progress progress, Instant now) {
    Optional<OperationRecord> stored = super.progress(id, epoch, progress, now);
    listeners.forEach(l -> l.changed(id));
    return stored;
  }

  @Override
  public Optional<OperationRecord> finish(OperationId id, long epoch, Ending ending, Instant now) {
    Optional<OperationRecord> finished = super.finish(id, epoch, ending, now);
    listeners.forEach(l -> l.changed(id));
    return finished;
  }

  @Override
  public Handover finishAndClaim(
      OperationId id, long epoch, Ending ending, ClaimRequest next, Instant now) {
    Handover handover = super.finishAndClaim(id, epoch, ending, next, now);
    listeners.forEach(l -> l.changed(id));
    return handover;
  }
}
