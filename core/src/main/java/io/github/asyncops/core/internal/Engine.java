package io.github.asyncops.core.internal;

import io.github.asyncops.core.EngineClosedException;
import io.github.asyncops.core.OperationActiveException;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationGoneException;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationNotFoundException;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.StartOutcome;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.Subscription;
import io.github.asyncops.core.UnknownWorkerException;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link OperationEngine}.
 *
 * <p>Design notes. The store is the source of truth; this class keeps only the {@link Execution}s
 * of operations it created or claimed. A start ({@link Starter}) inserts a QUEUED record, calls the
 * worker's {@code start}, then has the {@link Dispatcher} claim the oldest queued record and hand
 * it to the executor while the type and the engine have a free slot. Finishing an operation frees a
 * slot and claims the next, and so does every housekeeping {@link Housekeeping tick}, which also
 * picks up work queued by other nodes. State changes are published on the thread that makes them;
 * progress is published by the tick, which bounds its rate.
 */
public final class Engine implements OperationEngine {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  final EngineConfig config;
  final OperationStore store;
  final Notifier notifier;
  final Map<OperationId, Execution> local = new ConcurrentHashMap<>();
  private final Map<String, RegisteredType> types;
  final RemoteWatch remote = new RemoteWatch(this);
  private final Dispatcher dispatcher;
  private final Starter starter = new Starter(this);
  private final Threads workerThreads = Threads.named("asyncops-worker-");
  private final Threads housekeepingThreads = Threads.named("asyncops-housekeeping-");
  private final ExecutorService executor;
  private final boolean ownsExecutor;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Object finished = new Object();
  private ScheduledFuture<?> tick;
  private Subscription news;

  private Engine(EngineConfig config, Map<String, RegisteredType> types) {
    this.config = config;
    this.types = types;
    this.store = config.store();
    this.notifier = new Notifier(config.listeners());
    this.ownsExecutor = config.executor() == null;
    this.executor = ownsExecutor ? workerThreads.pool(config.maxRunning()) : config.executor();
    this.ownsScheduler = config.scheduler() == null;
    this.scheduler = ownsScheduler ? housekeepingThreads.scheduler() : config.scheduler();
    this.dispatcher = new Dispatcher(this, types, config.maxRunning(), executor);
  }

  /**
   * Discovers providers and starts an engine.
   *
   * @param config the builder's settings
   * @return the running engine
   */
  public static Engine start(EngineConfig config) {
    Engine engine =
        new Engine(config, WorkerRegistry.load(config.workers(), config.discoveryLoader()));
    engine.store.register(engine.types());
    engine.news = engine.store.listen(engine.remote);
    long period = config.tickInterval().toNanos();
    engine.tick =
        engine.scheduler.scheduleAtFixedRate(
            new Housekeeping(engine), period, period, TimeUnit.NANOSECONDS);
    return engine;
  }

  @Override
  public List<OperationType> types() {
    return types.values().stream().map(t -> t.type).toList();
  }

  @Override
  public Optional<OperationType> type(String name) {
    return Optional.ofNullable(types.get(name)).map(t -> t.type);
  }

  @Override
  public StartOutcome start(StartRequest request) {
    if (closed.get()) {
      throw new EngineClosedException();
    }
    return starter.start(registered(request.type()), request);
  }

  @Override
  public OperationSnapshot status(OperationId id) {
    return snapshot(record(id));
  }

  @Override
  public List<OperationSnapshot> list(OperationQuery query) {
    registered(query.type());
    return store.list(query).stream().map(this::snapshot).toList();
  }

  @Override
  public OperationSnapshot stop(OperationId id) {
    OperationRecord record = record(id);
    if (record.state().isFinal()) {
      return snapshot(record);
    }
    Execution execution = local.get(id);
    if (record.state() == OperationState.QUEUED && execution != null) {
      // A queued operation ends at once, so the worker's stop text goes with the stop; no run of
      // it is waiting to see the request first.
      Execution.Stop stop = execution.requestStop(now().plus(config.stopGrace()));
      Optional<OperationRecord> updated =
          store.requestStop(id, stop == null ? null : stop.text(), now());
      if (stop != null) {
        updated.ifPresent(r -> publishStop(r, null));
      }
      return snapshot(updated.orElse(record));
    }
    // The store hears of the stop before the worker does, so an end that the stop causes is
    // recorded as a requested one even when the worker ends before this thread goes on.
    Optional<OperationRecord> updated = store.requestStop(id, null, now());
    updated.ifPresent(this::stopped);
    return snapshot(updated.orElse(record));
  }

  /**
   * Acts on a stop request recorded in the store: signals a local execution of it and stores the
   * worker's stop text, then tells listeners. A thread that finds the execution already told leaves
   * the telling to the thread that told it, so listeners hear each stop once.
   */
  void stopped(OperationRecord record) {
    Execution execution = local.get(record.id());
    if (execution == null) {
      notifier.stateChanged(snapshot(record));
      return;
    }
    Execution.Stop stop = execution.requestStop(now().plus(config.stopGrace()));
    if (stop != null) {
      publishStop(record, stop.text());
    }
  }

  /** Stores a stop text, lets go of an execution the stop ended, and tells listeners. */
  private void publishStop(OperationRecord record, String text) {
    if (text != null) {
      store.progress(record.id(), record.value(), text, now());
    }
    if (record.state().isFinal()) {
      local.remove(record.id());
      signalFinished();
    }
    notifier.stateChanged(snapshot(record));
  }

  @Override
  public Optional<OperationResult> result(OperationId id) {
    OperationRecord record = record(id);
    if (record.state().isActive()) {
      throw new OperationActiveException(id, "read the result of");
    }
    return record.result() instanceof OperationResult.None
        ? Optional.empty()
        : Optional.of(record.result());
  }

  @Override
  public void forget(OperationId id) {
    OperationRecord record = record(id);
    if (record.state().isActive() || !store.delete(id)) {
      throw new OperationActiveException(id, "forget");
    }
    notifier.forget(id);
  }

  @Override
  public Subscription watch(OperationId id, OperationListener listener) {
    record(id);
    Subscription subscription = notifier.watch(id, listener);
    if (record(id).state().isFinal()) {
      subscription.close();
      return () -> {};
    }
    return subscription;
  }

  /** Stores a final state and tells listeners, unless the operation was already final. */
  void finish(
      OperationId id,
      OperationState state,
      double value,
      String text,
      String error,
      OperationResult result) {
    store
        .finish(id, state, value, text, error, result, now())
        .ifPresent(r -> notifier.stateChanged(snapshot(r)));
  }

  /**
   * Counts the operations this engine prepared or runs, for tests of what failures leave behind.
   *
   * @return the number of local executions
   */
  public int localOperations() {
    return local.size();
  }

  /** Tells whether the operation runs on this engine, as opposed to elsewhere or nowhere yet. */
  boolean runsHere(OperationId id) {
    Execution execution = local.get(id);
    return execution != null && execution.launched();
  }

  /**
   * Forgets the execution this engine prepared when it started an operation that another node then
   * claimed or that ended, so nothing of it lingers here.
   */
  void dropIfClaimedElsewhere(OperationRecord record) {
    Execution execution = local.get(record.id());
    boolean claimedElsewhere =
        record.state() != OperationState.QUEUED && !config.nodeId().equals(record.node());
    if (execution != null
        && !execution.launched()
        && (claimedElsewhere || record.state().isFinal())) {
      local.remove(record.id(), execution);
      signalFinished();
    }
  }

  /** Turns a record into what pollers see, with live progress for operations running here. */
  OperationSnapshot snapshot(OperationRecord r) {
    double value = r.value();
    String text = r.text();
    Execution execution = r.state().isActive() ? local.get(r.id()) : null;
    if (execution != null) {
      Progress live = execution.ping();
      value = live.value();
      text = live.text();
    }
    RegisteredType rt = types.get(r.type());
    RunTime time = RunTime.of(r, execution, rt == null ? null : rt.type, now());
    return new OperationSnapshot(
        r.id(),
        r.type(),
        r.state(),
        value,
        text,
        r.owner(),
        r.key(),
        r.createdAt(),
        r.startedAt(),
        r.updatedAt(),
        r.finishedAt(),
        r.error(),
        !(r.result() instanceof OperationResult.None),
        r.stopRequested(),
        r.state().isActive() && rt != null ? rt.type.pollInterval() : null,
        time.elapsed(),
        time.remaining(),
        time.stalled(),
        time.stage());
  }

  private OperationRecord record(OperationId id) {
    Optional<OperationRecord> record = store.find(id);
    if (record.isPresent()) {
      return record.get();
    }
    if (store.forgotten(id)) {
      throw new OperationGoneException(id);
    }
    throw new OperationNotFoundException(id);
  }

  RegisteredType registered(String name) {
    RegisteredType rt = types.get(name);
    if (rt == null) {
      throw new UnknownWorkerException(name);
    }
    return rt;
  }

  Dispatcher dispatcher() {
    return dispatcher;
  }

  boolean isClosed() {
    return closed.get();
  }

  Instant now() {
    return config.clock().instant();
  }

  /**
   * Wakes {@link #close()} waiting for local operations to end. Called after an execution left
   * {@link #local}; only a closed engine waits, and one that closes later sees the removal.
   */
  void signalFinished() {
    if (closed.get()) {
      synchronized (finished) {
        finished.notifyAll();
      }
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (Execution execution : List.copyOf(local.values())) {
      if (!execution.launched()) {
        local.remove(execution.id, execution);
        execution.ready(null);
        continue;
      }
      try {
        stop(execution.id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not stop operation " + execution.id + " at shutdown", e);
      }
    }
    long graceNanos = config.stopGrace().toNanos();
    if (!awaitLocalEmpty(graceNanos)) {
      local.values().forEach(Execution::interrupt);
      awaitLocalEmpty(graceNanos);
    }
    for (Execution execution : List.copyOf(local.values())) {
      finish(
          execution.id,
          OperationState.FAILED,
          0,
          null,
          "the server shut down before the operation ended",
          OperationResult.none());
      LOG.log(
          Level.WARNING, "operation " + execution.id + " ignored stop and interrupt at shutdown");
    }
    tick.cancel(false);
    news.close();
    if (ownsScheduler) {
      housekeepingThreads.shutdown(scheduler, graceNanos);
    }
    if (ownsExecutor) {
      workerThreads.shutdown(executor, graceNanos);
    }
  }

  private boolean awaitLocalEmpty(long nanos) {
    long deadline = System.nanoTime() + nanos;
    synchronized (finished) {
      while (!local.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(finished, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return local.isEmpty();
        }
      }
      return true;
    }
  }
}
