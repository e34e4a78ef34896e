package io.github.asyncops.core;

import io.github.asyncops.core.spi.MessageRenderer;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.core.spi.WorkerProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The settings an {@code OperationEngine.Builder} collected; see the builder for each one.
 *
 * @param workers providers registered directly
 * @param declared types declared without a provider, which this node does not run
 * @param discovery how to discover and configure providers, or null for no discovery
 * @param store the store
 * @param clock the clock
 * @param executor the worker executor, or null to create one
 * @param scheduler the housekeeping scheduler, or null to create one
 * @param maxRunning the most operations running at once
 * @param queueCapacity the most operations queued at once
 * @param stopGrace how long a stop waits before interrupting
 * @param tickInterval the housekeeping period
 * @param heartbeatInterval the heartbeat period
 * @param lease how long an operation may go without a heartbeat
 * @param nodeId this engine's name among nodes
 * @param listeners listeners for every operation
 * @param runsWorkers false for a client-only node, which starts, stops and follows operations but
 *     never claims one
 * @param locale the language of texts without a viewer
 * @param localeSet whether the builder was given the locale, rather than the JVM's default
 * @param messageRenderer formats message patterns
 */
record EngineConfig(
    List<WorkerProvider<?>> workers,
    List<OperationType> declared,
    Discovery discovery,
    OperationStore store,
    Clock clock,
    Executor executor,
    ScheduledExecutorService scheduler,
    int maxRunning,
    int queueCapacity,
    Duration stopGrace,
    Duration tickInterval,
    Duration heartbeatInterval,
    Duration lease,
    String nodeId,
    List<OperationListener> listeners,
    boolean runsWorkers,
    Locale locale,
    boolean localeSet,
    MessageRenderer messageRenderer) {}
