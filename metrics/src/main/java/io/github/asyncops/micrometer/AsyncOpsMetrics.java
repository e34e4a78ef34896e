package io.github.asyncops.micrometer;

import io.github.asyncops.core.EngineHealth;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.spi.OperationStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Records an engine's work in a Micrometer {@link MeterRegistry}. Wire it in three places, since
 * the engine's builder takes the store and the listeners before the engine exists:
 *
 * <pre>{@code
 * AsyncOpsMetrics metrics = new AsyncOpsMetrics(registry);
 * OperationEngine engine = OperationEngine.builder()
 *     .store(metrics.monitor(store))   // store errors and capacity rejections
 *     .listener(metrics)               // starts, ends, waits and run times
 *     .build();
 * metrics.bind(engine);                // running and queued gauges
 * }</pre>
 *
 * <p>The meters, with their tags:
 *
 * <ul>
 *   <li>{@code asyncops.operations.started} (counter; {@code type}): operations created by starts
 *       on this engine;
 *   <li>{@code asyncops.operations.ended} (counter; {@code type}, {@code state}): operations that
 *       reached a final state here;
 *   <li>{@code asyncops.operations.running} and {@code asyncops.operations.queued} (gauges; {@code
 *       type}): operations running on this engine, and queued in the store for any engine that
 *       shares it; NaN while the store is unreachable;
 *   <li>{@code asyncops.queue.capacity} (gauge): the most operations that may be queued;
 *   <li>{@code asyncops.operations.wait} (timer; {@code type}): from queued to running;
 *   <li>{@code asyncops.operations.run} (timer; {@code type}, {@code state}): from running to the
 *       final state;
 *   <li>{@code asyncops.operations.rejected} (counter; {@code type}, {@code reason=capacity}):
 *       starts refused because the queue was full;
 *   <li>{@code asyncops.store.errors} (counter; {@code call}): store calls that threw, by the store
 *       method's name.
 * </ul>
 *
 * <p>The gauges read {@link OperationEngine#health()}, at most once per {@link #GAUGE_MAX_AGE}
 * however many gauges a scrape reads. Thread-safe.
 */
public final class AsyncOpsMetrics implements OperationListener {
  /** How long the gauges reuse one reading of the engine's health. */
  public static final Duration GAUGE_MAX_AGE = Duration.ofSeconds(1);

  private static final String RUNNING = "Operations running on this engine";
  private static final String QUEUED = "Operations queued in the store, for any engine";

  private final MeterRegistry registry;

  /**
   * Creates the meters' recorder.
   *
   * @param registry where the meters go
   */
  public AsyncOpsMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Wraps a store so that its failures and the starts it refuses for capacity are counted. Pass the
   * result to {@link OperationEngine.Builder#store}.
   *
   * @param store the store the engine would use
   * @return the same store, counted
   */
  public OperationStore monitor(OperationStore store) {
    Objects.requireNonNull(store, "store");
    return new MeteredStore(store, registry);
  }

  /**
   * Registers the gauges of running and queued operations for each of the engine's types, and of
   * the queue's capacity. Call once, after {@link OperationEngine.Builder#build()}.
   *
   * @param engine the engine this recorder listens to
   */
  public void bind(OperationEngine engine) {
    HealthReading reading = new HealthReading(engine, GAUGE_MAX_AGE);
    for (OperationType type : engine.types()) {
      String name = type.name();
      gauge("asyncops.operations.running", name, reading, load -> load.running());
      gauge("asyncops.operations.queued", name, reading, load -> load.queued());
    }
    Gauge.builder("asyncops.queue.capacity", reading, r -> r.current().queueCapacity())
        .description("The most operations that may be queued at once")
        .strongReference(true)
        .register(registry);
  }

  private void gauge(
      String meter,
      String type,
      HealthReading reading,
      ToDoubleFunction<EngineHealth.TypeLoad> value) {
    Gauge.builder(meter, reading, r -> r.load(type).map(value::applyAsDouble).orElse(Double.NaN))
        .tag("type", type)
        .description(meter.endsWith("running") ? RUNNING : QUEUED)
        // Micrometer holds a gauge's object weakly by default; nothing else holds the reading.
        .strongReference(true)
        .register(registry);
  }

  /**
   * Counts starts and ends and times waits and runs. Called by the engine; see {@link
   * OperationListener#stateChanged}.
   *
   * @param snapshot the operation after the change
   */
  @Override
  public void stateChanged(OperationSnapshot snapshot) {
    String type = snapshot.type();
    OperationState state = snapshot.state();
    if (state == OperationState.QUEUED) {
      Counter.builder("asyncops.operations.started")
          .description("Operations created by starts on this engine")
          .tag("type", type)
          .register(registry)
          .increment();
    } else if (state == OperationState.RUNNING && snapshot.startedAt() != null) {
      Timer.builder("asyncops.operations.wait")
          .description("Time from queued to running")
          .tag("type", type)
          .register(registry)
          .record(elapsed(snapshot.createdAt(), snapshot.startedAt()));
    } else if (state.isFinal()) {
      String end = state.name().toLowerCase(Locale.ROOT);
      Counter.builder("asyncops.operations.ended")
          .description("Operations that reached a final state on this engine")
          .tags("type", type, "state", end)
          .register(registry)
          .increment();
      if (snapshot.startedAt() != null && snapshot.finishedAt() != null) {
        Timer.builder("asyncops.operations.run")
            .description("Time from running to the final state")
            .tags("type", type, "state", end)
            .register(registry)
            .record(elapsed(snapshot.startedAt(), snapshot.finishedAt()));
      }
    }
  }

  /**
   * The time between two of an operation's instants, or zero if the second is earlier. The two come
   * from different clock reads that race: a claim reads its clock before a concurrent start reads
   * its own and inserts, then picks that operation up (a batched handover claims with the latest of
   * several earlier reads); in a cluster another node's clock, or a database's, stamps the second;
   * and a wall clock may be stepped back between the reads. Micrometer throws on a negative time,
   * which would lose the count as well, so such a time counts as zero.
   */
  private static Duration elapsed(Instant from, Instant to) {
    Duration elapsed = Duration.between(from, to);
    return elapsed.isNegative() ? Duration.ZERO : elapsed;
  }
}
