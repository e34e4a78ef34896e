package io.github.asyncops.testing;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationListener;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.core.store.InMemoryOperationStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * An engine for tests: a {@link ManualClock}, a {@link ManualScheduler} that ticks only on {@link
 * #tick()}, an in-memory store, a 1-second stop grace, and a listener that records every event.
 * Workers run on the engine's own threads.
 */
public final class EngineFixture implements AutoCloseable {
  /** How long {@link #until} waits before failing. */
  public static final Duration PATIENCE = Duration.ofSeconds(10);

  /** The engine's clock. */
  public final ManualClock clock = new ManualClock();

  /** The engine's housekeeping scheduler. */
  public final ManualScheduler scheduler = new ManualScheduler();

  /** The engine's store. */
  public final InMemoryOperationStore store = new InMemoryOperationStore();

  /** Every state change, in order. */
  public final List<OperationSnapshot> stateChanges = new CopyOnWriteArrayList<>();

  /** Every progress event, in order. */
  public final List<OperationSnapshot> progressEvents = new CopyOnWriteArrayList<>();

  /** The engine. */
  public final OperationEngine engine;

  /**
   * Builds an engine with the given providers and no discovery.
   *
   * @param providers the operation types
   */
  public EngineFixture(WorkerProvider<?>... providers) {
    this(b -> {}, providers);
  }

  /**
   * Builds an engine with the given providers, no discovery, and more settings.
   *
   * @param settings changes to the builder
   * @param providers the operation types
   */
  public EngineFixture(Consumer<OperationEngine.Builder> settings, WorkerProvider<?>... providers) {
    OperationEngine.Builder builder =
        OperationEngine.builder()
            .discover(false)
            .clock(clock)
            .scheduler(scheduler)
            .store(store)
            .stopGrace(Duration.ofSeconds(1))
            .listener(
                new OperationListener() {
                  @Override
                  public void stateChanged(OperationSnapshot snapshot) {
                    stateChanges.add(snapshot);
                  }

                  @Override
                  public void progressed(OperationSnapshot snapshot) {
                    progressEvents.add(snapshot);
                  }
                });
    for (WorkerProvider<?> provider : providers) {
      builder.worker(provider);
    }
    settings.accept(builder);
    engine = builder.build();
  }

  /** Runs one housekeeping tick on this thread. */
  public void tick() {
    scheduler.tick();
  }

  /**
   * Waits until an operation's snapshot matches.
   *
   * @param id the operation
   * @param condition the condition
   * @return the matching snapshot
   */
  public OperationSnapshot until(OperationId id, Predicate<OperationSnapshot> condition) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(2))
        .until(() -> engine.status(id), condition);
  }

  /**
   * Waits until an operation reaches a state.
   *
   * @param id the operation
   * @param state the state
   * @return the snapshot in that state
   */
  public OperationSnapshot awaitState(OperationId id, OperationState state) {
    return until(id, s -> s.state() == state);
  }

  /**
   * The states an operation went through, as listeners heard them.
   *
   * @param id the operation
   * @return its states in order
   */
  public List<OperationState> statesOf(OperationId id) {
    return stateChanges.stream()
        .filter(s -> s.id().equals(id))
        .map(OperationSnapshot::state)
        .toList();
  }

  @Override
  public void close() {
    engine.close();
  }
}
