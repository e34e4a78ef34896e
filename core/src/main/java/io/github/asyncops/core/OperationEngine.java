package io.github.asyncops.core;

import io.github.asyncops.core.spi.MessageRenderer;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.core.store.InMemoryOperationStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs, tracks, stops and forgets background operations. Build one with {@link #builder()} at
 * application start, share it, and {@link #close()} it at shutdown.
 *
 * <p>Thread-safe. Every method that takes an id throws {@link OperationNotFoundException} for an id
 * that never existed and {@link OperationGoneException} for one that was forgotten after its
 * retention.
 *
 * <p>While the store cannot be reached (its database is down), every method that needs it throws
 * {@link StoreUnavailableException}, within the store's time budget and at once while the store
 * knows of the outage, with two exceptions: {@link #status} and {@link #watch} of an operation that
 * runs on this engine answer from its memory, with the worker's live progress, and {@link
 * #health()} answers unhealthy with the reason. An operation whose lease this engine cannot renew
 * for {@code lease - heartbeatInterval} is stopped: see {@link Builder#lease(Duration)}.
 */
public interface OperationEngine extends AutoCloseable {

  /**
   * Starts building an engine.
   *
   * @return a builder with the defaults documented on its methods
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * The registered operation types, in name order.
   *
   * @return the types
   */
  List<OperationType> types();

  /**
   * Looks up a registered type.
   *
   * @param name the type's name
   * @return the type, or empty if none has that name
   */
  Optional<OperationType> type(String name);

  /**
   * Starts an operation, or joins the active one in the same scope, as the type's {@link
   * StartPolicy} says. Calls the worker's {@code start} on this thread. A request with an {@link
   * StartRequest#withIdempotencyKey idempotency key} that the store still holds for the type and
   * owner answers with that operation, created false, before any scope or capacity check, on every
   * engine that shares the store.
   *
   * @param request what to start
   * @return the operation to follow, and whether it was created
   * @throws UnknownOperationTypeException if the type is not registered
   * @throws InvalidParametersException if the parameters are of the wrong class or invalid, or a
   *     {@link Scope#KEY} type gets no key
   * @throws OperationConflictException if the policy is {@link StartPolicy#REJECT} and one is
   *     active
   * @throws CapacityExceededException if the queue is full
   * @throws IdempotencyKeyReusedException if the idempotency key started an operation with another
   *     fingerprint
   * @throws EngineClosedException if the engine is closed
   */
  StartOutcome start(StartRequest request);

  /**
   * Checks whether this engine can do its work: reads the store, compares the last heartbeat with
   * the heartbeat interval, counts the queue against its capacity, and looks for workers running
   * past their timeout or stop grace period. Never throws for an unreachable store: that is a
   * detail of the answer. Costs a read of every type's active records; meant for a health endpoint,
   * not a hot path.
   *
   * @return the health and its details
   */
  EngineHealth health();

  /**
   * Reads an operation's status. For an operation running on this engine the text comes from the
   * worker's {@code ping}.
   *
   * @param id the operation
   * @return its snapshot
   */
  OperationSnapshot status(OperationId id);

  /**
   * Lists operations of a type, newest first.
   *
   * @param query the filter
   * @return their snapshots
   * @throws UnknownOperationTypeException if the type is not registered
   */
  List<OperationSnapshot> list(OperationQuery query);

  /**
   * Asks an operation to stop. A queued one ends {@link OperationState#STOPPED} at once; a running
   * one becomes {@link OperationState#STOPPING} and is interrupted if it has not ended after the
   * stop grace period. Idempotent: a final operation is returned as it is.
   *
   * @param id the operation
   * @return its snapshot after the request
   */
  OperationSnapshot stop(OperationId id);

  /**
   * Reads a finished operation's result.
   *
   * @param id the operation
   * @return the result, or empty if it produced none
   * @throws OperationActiveException if the operation is still active
   */
  Optional<OperationResult> result(OperationId id);

  /**
   * Forgets a finished operation now, before its retention ends. Afterwards its id is "gone".
   *
   * @param id the operation
   * @throws OperationActiveException if the operation is still active
   */
  void forget(OperationId id);

  /**
   * Follows one operation: the listener hears every later change of it until the subscription is
   * closed or the operation ends, whichever comes first. To miss nothing, read {@link
   * #status(OperationId)} after this call: a change made before it is not heard. Watching an
   * operation that already ended registers nothing.
   *
   * @param id the operation
   * @param listener the listener
   * @return the subscription
   */
  Subscription watch(OperationId id, OperationListener listener);

  /**
   * The operator's view of every operation in the store, for an operator console. Callers decide
   * who may use it: it shows every user's operations and the failures' stack traces.
   *
   * @return the view, the same object at every call
   */
  OperationAdmin admin();

  /**
   * Chooses the language to show a viewer: the first of their preferred locales whose language the
   * message bundles of some operation type have, or the engine's {@link Builder#locale default
   * locale}. Wildcards and empty languages are skipped. Cheap: the answer for a list is kept.
   *
   * @param preferred the viewer's locales, most preferred first, as {@code Accept-Language} lists
   *     them; may be empty
   * @return the language, such as {@code ru} or {@code en}
   */
  Locale locale(List<Locale> preferred);

  /**
   * The language to name for the texts shown to a viewer, as HTTP's {@code Content-Language} names
   * it: {@link #locale(List)} when some operation type's provider has message bundles, else the
   * default locale if {@link Builder#locale} set it, else empty. Without bundles, texts are the
   * plain strings that workers report, and without a locale set for them the engine cannot know
   * which language those are in: the JVM's default locale says nothing about them.
   *
   * @param preferred the viewer's locales, most preferred first; may be empty
   * @return the language, or empty when it is unknown
   */
  Optional<Locale> textLanguage(List<Locale> preferred);

  /**
   * Renders a snapshot's messages in a language: its status, its stage's name and its error. A
   * snapshot without messages comes back as it is. A key the type's bundles lack for that language
   * comes from the default locale's bundle, and one that no bundle has shows as the key itself,
   * logged once per key.
   *
   * @param snapshot a snapshot this engine gave
   * @param locale the language, usually from {@link #locale(List)}
   * @return the snapshot with its texts in that language
   */
  OperationSnapshot localize(OperationSnapshot snapshot, Locale locale);

  /**
   * Renders one message of an operation type in a language, as {@link #localize(OperationSnapshot,
   * Locale)} renders a snapshot's: for texts read from records, such as an {@linkplain
   * io.github.asyncops.core.spi.OperationRecord.Outcome#errorMessage() error message} in the
   * operator console. A node without the type's bundles shows the stored text.
   *
   * @param type the operation type's name
   * @param message the message, or null when the text is plain
   * @param stored the text as stored, rendered in the default language of the node that wrote it,
   *     or null
   * @param locale the language, usually from {@link #locale(List)}
   * @return the text in that language; {@code stored} when {@code message} is null
   */
  String localize(String type, Message message, String stored, Locale locale);

  /**
   * Shuts down gracefully: refuses new starts, asks every operation running on this engine to stop,
   * waits up to the stop grace period, interrupts what is left and waits up to that period again,
   * fails what still runs, and stops the threads the engine created. Operations still queued stay
   * queued in the store, for another engine that shares it. Idempotent; blocks until done, at most
   * about twice the stop grace period.
   */
  @Override
  void close();

  /**
   * Configures and builds an {@link OperationEngine}. Not thread-safe; build once.
   *
   * <p>Worker providers are discovered with {@link java.util.ServiceLoader} when {@link #build()}
   * runs, unless {@link #discover(boolean)} turns that off, and are joined by those given to {@link
   * #worker(WorkerProvider)}. Each discovered provider is {@linkplain WorkerProvider#configure
   * configured} with its part of the {@link #settings(SettingsSource)} and the {@link
   * #service(Class, Object) services}. A provider that fails to load or to configure stops the
   * build, which names it and the problem.
   */
  final class Builder {
    private final List<WorkerProvider<?>> workers = new ArrayList<>();
    private final List<OperationType> declared = new ArrayList<>();
    private final List<OperationListener> listeners = new ArrayList<>();
    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private SettingsSource settings = SettingsSource.none();
    private boolean discover = true;
    private ClassLoader classLoader;
    private OperationStore store;
    private Clock clock = Clock.systemUTC();
    private Executor executor;
    private ScheduledExecutorService scheduler;
    private int maxRunning = 16;
    private int queueCapacity = 1_000;
    private Duration stopGrace = Duration.ofSeconds(10);
    private Duration tickInterval = Duration.ofMillis(100);
    private Duration heartbeatInterval = Duration.ofSeconds(5);
    private Duration lease = Duration.ofSeconds(30);
    private String nodeId;
    private boolean runsWorkers = true;
    private Locale locale;
    private MessageRenderer messageRenderer;

    Builder() {}

    /**
     * Registers a worker provider directly, for example one made by a DI container.
     *
     * @param provider the provider
     * @return this builder
     */
    public Builder worker(WorkerProvider<?> provider) {
      workers.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /**
     * Declares a type that this node starts, lists, stops and follows without running it, so its
     * worker class need not be on this node's class path: other nodes that share the store and have
     * its provider run it. Made with {@link OperationType#declare}; a type may not be both declared
     * and provided on one node.
     *
     * @param type the declaration
     * @return this builder
     */
    public Builder declare(OperationType type) {
      declared.add(Objects.requireNonNull(type, "type"));
      return this;
    }

    /**
     * Turns ServiceLoader discovery on or off. Default: on.
     *
     * @param discover whether to discover providers
     * @return this builder
     */
    public Builder discover(boolean discover) {
      this.discover = discover;
      return this;
    }

    /**
     * Sets the class loader that discovery searches. Default: the thread context class loader at
     * {@link #build()}.
     *
     * @param classLoader the class loader
     * @return this builder
     */
    public Builder classLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * Sets where discovered providers read their settings, each under its own name: {@code
     * missile-launch.flight-seconds} is the {@code flight-seconds} setting of the {@code
     * missile-launch} provider. Default: {@link SettingsSource#none()}, so every provider uses its
     * defaults.
     *
     * @param settings the source, for example {@code SettingsSource.of(properties)
     *     .orElse(SettingsSource.environment())}
     * @return this builder
     */
    public Builder settings(SettingsSource settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Registers a service that discovered providers may ask for by type, such as a {@code
     * DataSource} or an HTTP client. The engine's {@link #clock(Clock) clock} is registered as
     * {@code Clock} unless another one is given here. A later registration of the same type
     * replaces an earlier one.
     *
     * @param type the type providers ask for
     * @param service the instance
     * @param <T> the type
     * @return this builder
     */
    public <T> Builder service(Class<T> type, T service) {
      Objects.requireNonNull(type, "type");
      services.put(type, type.cast(Objects.requireNonNull(service, "service")));
      return this;
    }

    /**
     * Sets where records live. Default: a new {@link InMemoryOperationStore}.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(OperationStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the clock for every timestamp, timeout and retention. Default: {@link
     * Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the executor that runs workers. The engine only calls {@link Executor#execute}, never
     * submits more than {@link #maxRunning(int)} tasks at once, and does not shut a given executor
     * down (an {@link java.util.concurrent.ExecutorService} stays the caller's to close). If it
     * throws {@link java.util.concurrent.RejectedExecutionException}, the operation fails. Default:
     * a pool of {@code maxRunning} daemon threads named {@code asyncops-worker-N}, shut down by
     * {@link OperationEngine#close()}.
     *
     * @param executor the executor; not null
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Runs workers on virtual threads, a new one for each operation, instead of the default pool of
     * {@code maxRunning} platform threads. Use it for workers that spend most of their time blocked
     * (waiting on HTTP calls, a database, files or another service), so that many can wait at once
     * without a platform thread each; raise {@link #maxRunning(int)} to as many as may run at once,
     * since it still caps them. Workers that compute gain nothing, and a worker that blocks inside
     * {@code synchronized} pins its carrier thread before Java 24. Replaces an {@link
     * #executor(Executor)} set before; a later {@code executor} replaces it. The engine does not
     * shut the executor down, which needs nothing: each thread ends with its operation.
     *
     * @return this builder
     * @throws UnsupportedOperationException if the runtime has no virtual threads (before Java 21),
     *     naming the runtime's version
     */
    public Builder virtualThreads() {
      this.executor = VirtualThreads.perTaskExecutor();
      return this;
    }

    /**
     * Sets the scheduler for the housekeeping tick. The engine does not shut a given scheduler
     * down. Default: one daemon thread named {@code asyncops-housekeeping}.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Sets the language that {@link io.github.asyncops.core.Message messages} are rendered in when
     * there is no viewer (snapshots, stores, logs), and for viewers whose languages no bundle has.
     * Setting it also says which language workers' plain texts are in ({@link
     * OperationEngine#textLanguage}), so that an HTTP answer may name it. Default: the JVM's
     * default locale, named for no text.
     *
     * @param locale the locale; not null
     * @return this builder
     */
    public Builder locale(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /**
     * Sets how message patterns are formatted. Default: the first {@link MessageRenderer} that
     * {@link java.util.ServiceLoader} finds with the builder's class loader (such as the one of
     * {@code asyncops-messages-icu}, with CLDR plurals), else {@link MessageRenderer#jdk()}.
     *
     * @param renderer the renderer; not null
     * @return this builder
     */
    public Builder messageRenderer(MessageRenderer renderer) {
      this.messageRenderer = Objects.requireNonNull(renderer, "renderer");
      return this;
    }

    /**
     * Sets the most operations running at once on this engine, across all types. Default: 16.
     *
     * @param maxRunning at least 1
     * @return this builder
     */
    public Builder maxRunning(int maxRunning) {
      this.maxRunning = positive(maxRunning, "maxRunning");
      return this;
    }

    /**
     * Sets the most operations queued at once; a start beyond it throws {@link
     * CapacityExceededException}. Default: 1000.
     *
     * @param queueCapacity at least 1
     * @return this builder
     */
    public Builder queueCapacity(int queueCapacity) {
      this.queueCapacity = positive(queueCapacity, "queueCapacity");
      return this;
    }

    /**
     * Sets how long a stop request waits before the worker's thread is interrupted, and how long
     * {@link OperationEngine#close()} waits. Default: 10 seconds.
     *
     * @param stopGrace not negative
     * @return this builder
     */
    public Builder stopGrace(Duration stopGrace) {
      this.stopGrace = notNegative(stopGrace, "stopGrace");
      return this;
    }

    /**
     * Sets the housekeeping period: how often progress is published to the store and listeners and
     * timeouts, grace periods and retention are checked. Default: 100 ms, so listeners hear at most
     * 10 progress events a second per operation.
     *
     * @param tickInterval positive
     * @return this builder
     */
    public Builder tickInterval(Duration tickInterval) {
      this.tickInterval = positive(tickInterval, "tickInterval");
      return this;
    }

    /**
     * Sets how often this node confirms to the store the operations it runs, and picks up stop
     * requests made on other nodes. Default: 5 seconds.
     *
     * @param heartbeatInterval positive
     * @return this builder
     */
    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = positive(heartbeatInterval, "heartbeatInterval");
      return this;
    }

    /**
     * Sets how long an operation may go without a heartbeat before it is failed as "node lost".
     * Default: 30 seconds.
     *
     * <p>A node that cannot renew the lease of an operation it runs (its store is unreachable, or
     * the whole process paused) lets the operation go once {@code lease - heartbeatInterval} has
     * passed since the last renewal, before any other node may take it over: the worker gets a stop
     * request, and an interrupt after the stop grace, and nothing it does reaches the store any
     * more. Once the store answers again, the operation fails as "node lost", or is queued again if
     * its type is restartable. A shorter outage costs nothing: the worker runs on, and its end is
     * written when the store answers.
     *
     * @param lease longer than the heartbeat interval
     * @return this builder
     */
    public Builder lease(Duration lease) {
      this.lease = positive(lease, "lease");
      return this;
    }

    /**
     * Names this engine among the nodes that share a store. Default: a random UUID.
     *
     * @param nodeId a non-blank name
     * @return this builder
     */
    public Builder nodeId(String nodeId) {
      if (nodeId == null || nodeId.isBlank()) {
        throw new IllegalArgumentException("nodeId must not be blank");
      }
      this.nodeId = nodeId;
      return this;
    }

    /**
     * Sets whether this node runs workers. A node that does not (a client-only node, like
     * db-scheduler's {@code SchedulerClient}) starts, stops, lists and follows operations of every
     * type it knows but never claims one: other nodes that share its store run them, so the web
     * tier and the worker tier scale apart. Such a node needs no worker classes: {@link #declare}
     * its types instead of providing them. Types that are only declared are never run here,
     * whatever this says. Default: true.
     *
     * @param runsWorkers false for a client-only node
     * @return this builder
     */
    public Builder runsWorkers(boolean runsWorkers) {
      this.runsWorkers = runsWorkers;
      return this;
    }

    /**
     * Adds a listener for every operation.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(OperationListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Discovers providers, {@linkplain OperationStore#register registers} their types with the
     * store, and starts the engine's threads.
     *
     * @return the running engine
     * @throws WorkerDiscoveryException if a provider fails to load or to configure (a missing or
     *     invalid setting, a missing service), two share a name, or one declares an invalid type
     * @throws IllegalArgumentException if the lease is not longer than the heartbeat interval
     * @throws RuntimeException if the store refuses the types ({@link OperationStore#register})
     */
    public OperationEngine build() {
      if (lease.compareTo(heartbeatInterval) <= 0) {
        throw new IllegalArgumentException(
            "lease ("
                + lease
                + ") must be longer than heartbeatInterval ("
                + heartbeatInterval
                + ")");
      }
      ClassLoader loader =
          classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
      return Engine.start(
          new EngineConfig(
              List.copyOf(workers),
              List.copyOf(declared),
              discover ? new Discovery(loader, settings, discoveryServices()) : null,
              store != null ? store : new InMemoryOperationStore(),
              clock,
              executor,
              scheduler,
              maxRunning,
              queueCapacity,
              stopGrace,
              tickInterval,
              heartbeatInterval,
              lease,
              nodeId != null ? nodeId : UUID.randomUUID().toString(),
              List.copyOf(listeners),
              runsWorkers,
              locale != null ? locale : Locale.getDefault(),
              locale != null,
              messageRenderer != null ? messageRenderer : MessageRenderers.find(loader)));
    }

    private Map<Class<?>, Object> discoveryServices() {
      Map<Class<?>, Object> all = new LinkedHashMap<>(services);
      all.putIfAbsent(Clock.class, clock);
      return Map.copyOf(all);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + value);
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }

    private static Duration notNegative(Duration value, String name) {
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + value);
      }
      return value;
    }
  }
}
