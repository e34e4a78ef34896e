package io.github.asyncops.core;

import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link OperationEngine}.
 *
 * <p>Design notes. The store is the source of truth; the engine keeps only the {@link Execution}s
 * of operations it created or claimed ({@link LocalExecutions}). A start ({@link Starter}) inserts
 * a QUEUED record, calls the worker's {@code start}, then has the {@link Dispatcher} claim queued
 * records, as many as the type and the engine have free slots, and hand them to the executor.
 * Finishing an operation frees a slot and claims the next if news of queued work came; the
 * housekeeping {@link Housekeeping tick} publishes progress, heartbeats, fences what this node lost
 * and dispatches what other nodes announced ({@link RemoteWatch}). State changes are written and
 * published through {@link Transitions} on the thread that makes them. Each helper gets the few
 * collaborators it needs, not this class.
 */
final class Engine implements OperationEngine {
  private static final System.Logger LOG = System.getLogger("io.github.asyncops.core");

  private final EngineConfig config;
  private final OperationStore store;
  private final Map<String, RegisteredType> types;
  private final LocalExecutions local = new LocalExecutions();
  private final Notifier notifier;
  private final Snapshots snapshots;
  private final Transitions transitions;
  private final Dispatcher dispatcher;
  private final Starter starter;
  private final RemoteWatch remote;
  private final HealthCheck healthCheck;
  private final OperationAdmin admin;
  private final MessageTexts texts;
  private final Threads workerThreads = Threads.named("asyncops-worker-");
  private final Threads housekeepingThreads = Threads.named("asyncops-housekeeping-");
  private final Executor executor;
  // The pool this engine made and shuts down; null when the builder was given an executor.
  private final ExecutorService ownExecutor;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final AtomicBoolean closed = new AtomicBoolean();
  private ScheduledFuture<?> tick;
  private Subscription news;

  private Engine(EngineConfig config, Map<String, RegisteredType> types) {
    this.config = config;
    this.types = types;
    this.store = config.store();
    this.notifier = new Notifier(config.listeners());
    this.snapshots = new Snapshots(types, local, config.clock());
    this.transitions =
        new Transitions(store, config.clock(), config.stopGrace(), local, notifier, snapshots);
    this.ownExecutor = config.executor() == null ? workerThreads.pool(config.maxRunning()) : null;
    this.executor = ownExecutor != null ? ownExecutor : config.executor();
    this.ownsScheduler = config.scheduler() == null;
    this.scheduler = ownsScheduler ? housekeepingThreads.scheduler() : config.scheduler();
    this.texts =
        new MessageTexts(
            config.messageRenderer(), config.locale(), config.localeSet(), types.values());
    this.dispatcher =
        new Dispatcher(
            config, local, transitions, notifier, snapshots, executor, closed::get, texts);
    this.starter = new Starter(config, transitions, notifier, snapshots, dispatcher);
    this.remote =
        new RemoteWatch(store, local, notifier, snapshots, transitions, dispatcher, types);
    this.healthCheck = new HealthCheck(config, types.values(), local);
    this.admin = new StoreAdmin(store, config.clock());
  }

  /** Discovers providers and starts an engine. */
  static Engine start(EngineConfig config) {
    Engine engine =
        new Engine(
            config, WorkerRegistry.load(config.workers(), config.declared(), config.discovery()));
    engine.store.register(engine.types());
    engine.news = engine.store.listen(engine.remote);
    Housekeeping housekeeping =
        new Housekeeping(
            config,
            engine.local,
            engine.transitions,
            engine.dispatcher,
            engine.remote,
            engine.types.values(),
            engine.notifier,
            engine.snapshots,
            engine.healthCheck,
            engine::stop);
    long period = config.tickInterval().toNanos();
    engine.tick =
        engine.scheduler.scheduleAtFixedRate(housekeeping, period, period, TimeUnit.NANOSECONDS);
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
  public EngineHealth health() {
    return healthCheck.check();
  }

  @Override
  public OperationSnapshot status(OperationId id) {
    return snapshots.of(record(id));
  }

  @Override
  public List<OperationSnapshot> list(OperationQuery query) {
    registered(query.type());
    return store.list(query).stream().map(snapshots::of).toList();
  }

  @Override
  public OperationSnapshot stop(OperationId id) {
    OperationRecord record = record(id);
    if (record.state().isFinal()) {
      return snapshots.of(record);
    }
    Execution execution = local.get(id);
    if (record.state() == OperationState.QUEUED && execution != null) {
      // A queued operation ends at once, so the worker's stop text goes with the stop; no run of
      // it is waiting to see the request first.
      Execution.Stop stop = execution.requestStop(transitions.now().plus(config.stopGrace()));
      Optional<OperationRecord> updated =
          store.requestStop(id, stop == null ? null : stop.text(), transitions.now());
      if (stop != null) {
        updated.ifPresent(r -> transitions.publishStop(r, execution, null));
      }
      return snapshots.of(updated.orElse(record));
    }
    // The store hears of the stop before the worker does, so an end that the stop causes is
    // recorded as a requested one even when the worker ends before this thread goes on.
    Optional<OperationRecord> updated = store.requestStop(id, null, transitions.now());
    return snapshots.of(updated.map(transitions::stopped).orElse(record));
  }

  @Override
  public Locale locale(List<Locale> preferred) {
    return texts.choose(preferred);
  }

  @Override
  public Optional<Locale> textLanguage(List<Locale> preferred) {
    return texts.language(preferred);
  }

  @Override
  public OperationSnapshot localize(OperationSnapshot snapshot, Locale locale) {
    Stage stage = snapshot.stage();
    if (snapshot.message() == null
        && (stage == null || stage.message() == null)
        && snapshot.errorMessage() == null) {
      return snapshot;
    }
    String type = snapshot.type();
    Stage shown =
        stage == null || stage.message() == null
            ? stage
            : new Stage(
                stage.index(),
                stage.count(),
                localize(type, stage.message(), stage.name(), locale),
                stage.message());
    return snapshot.withTexts(
        localize(type, snapshot.message(), snapshot.text(), locale),
        shown,
        localize(type, snapshot.errorMessage(), snapshot.error(), locale));
  }

  @Override
  public String localize(String type, Message message, String stored, Locale locale) {
    return message == null ? stored : texts.render(type, message, locale, stored);
  }

  @Override
  public Optional<OperationResult> result(OperationId id) {
    OperationRecord record = record(id);
    if (record.state().isActive()) {
      throw new OperationActiveException(id, "read the result of");
    }
    OperationResult result = record.outcome().result();
    return result instanceof OperationResult.None ? Optional.empty() : Optional.of(result);
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
  public OperationAdmin admin() {
    return admin;
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

  /**
   * Counts the operations this engine prepared or runs, for tests of what failures leave behind.
   */
  int localOperations() {
    return local.size();
  }

  private OperationRecord record(OperationId id) {
    Optional<OperationRecord> record;
    try {
      record = store.find(id);
    } catch (StoreUnavailableException e) {
      return fromMemory(id).orElseThrow(() -> e);
    }
    if (record.isPresent()) {
      return record.get();
    }
    if (store.forgotten(id)) {
      throw new OperationGoneException(id);
    }
    throw new OperationNotFoundException(id);
  }

  /**
   * The record of an operation that runs on this node as this node last knew it, for answers while
   * the store is unavailable; its snapshot shows the worker's live progress. Empty for operations
   * that do not run here, or that this node lost.
   */
  private Optional<OperationRecord> fromMemory(OperationId id) {
    Execution execution = local.get(id);
    if (execution == null || !execution.launched() || execution.lost() || execution.ran()) {
      return Optional.empty();
    }
    return Optional.ofNullable(execution.known());
  }

  private RegisteredType registered(String name) {
    RegisteredType rt = types.get(name);
    if (rt == null) {
      throw new UnknownOperationTypeException(name);
    }
    return rt;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<Execution> running = new ArrayList<>();
    for (Execution execution : List.copyOf(local.all())) {
      if (!execution.launched()) {
        local.remove(execution);
        continue;
      }
      running.add(execution);
      try {
        stop(execution.id);
      } catch (StoreUnavailableException e) {
        // The store cannot record the stop; the worker still hears it, and ends on its own.
        execution.requestStop(transitions.now().plus(config.stopGrace()));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not stop operation " + execution.id + " at shutdown", e);
      }
    }
    long graceNanos = config.stopGrace().toNanos();
    List<Execution> ignoredStop = List.of();
    if (!local.awaitEmpty(graceNanos)) {
      ignoredStop = List.copyOf(local.all());
      ignoredStop.forEach(Execution::interrupt);
      local.awaitEmpty(graceNanos);
    }
    List<Execution> abandoned = List.copyOf(local.all());
    for (Execution execution : abandoned) {
      if (!execution.lost()) {
        transitions.finish(
            execution.id,
            execution.epoch(),
            Ending.failed(Progress.NONE, "the server shut down before the operation ended"));
      }
      LOG.log(
          Level.WARNING, "operation " + execution.id + " ignored stop and interrupt at shutdown");
    }
    tick.cancel(false);
    news.close();
    if (ownsScheduler) {
      housekeepingThreads.shutdown(scheduler, graceNanos);
    }
    if (ownExecutor != null) {
      workerThreads.shutdown(ownExecutor, graceNanos);
    }
    LOG.log(Level.INFO, ShutdownSummary.line(running, ignoredStop, abandoned));
  }
}
