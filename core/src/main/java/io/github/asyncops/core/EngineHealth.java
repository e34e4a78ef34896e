package io.github.asyncops.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether an engine is healthy, with the details behind the answer, as {@link
 * OperationEngine#health()} found them. Made for health endpoints: each component maps to a detail,
 * and {@link #healthy()} to the overall status.
 *
 * @param checkedAt when the check ran, by the engine's clock
 * @param storeReachable whether the store answered a read
 * @param storeProblem why the store did not answer, or null if it did
 * @param lastHeartbeat when this node last confirmed its operations to the store, or null if it has
 *     not yet
 * @param heartbeatsOnTime whether the last heartbeat is at most two heartbeat intervals old (a node
 *     that goes without one for the lease loses its operations)
 * @param queued operations queued in the store, all types, or 0 if the store is unreachable
 * @param queueCapacity the most operations that may be queued; starts beyond it are refused
 * @param types the load of each registered type, in name order; empty if the store is unreachable
 * @param stuck operations running on this node past their timeout or their stop grace period, whose
 *     workers ignored both the stop request and the interrupt
 */
public record EngineHealth(
    Instant checkedAt,
    boolean storeReachable,
    String storeProblem,
    Instant lastHeartbeat,
    boolean heartbeatsOnTime,
    int queued,
    int queueCapacity,
    List<TypeLoad> types,
    List<StuckOperation> stuck) {

  /**
   * Copies the lists.
   *
   * @param checkedAt when the check ran
   * @param storeReachable whether the store answered a read
   * @param storeProblem why the store did not answer, or null
   * @param lastHeartbeat the last heartbeat, or null
   * @param heartbeatsOnTime whether heartbeats are on time
   * @param queued operations queued, all types
   * @param queueCapacity the most operations that may be queued
   * @param types the load of each type
   * @param stuck the stuck operations
   * @throws NullPointerException if the instant or a list is null
   */
  public EngineHealth {
    Objects.requireNonNull(checkedAt, "checkedAt");
    types = List.copyOf(types);
    stuck = List.copyOf(stuck);
  }

  /**
   * Tells whether the engine can do its work: the store answers, heartbeats are on time, the queue
   * has room and no worker is stuck.
   *
   * @return true if healthy
   */
  public boolean healthy() {
    return storeReachable && heartbeatsOnTime && queued < queueCapacity && stuck.isEmpty();
  }

  /**
   * The details as plain values, for a health endpoint to render as JSON (Spring Boot Actuator's
   * {@code details}, the demo's {@code /health}): {@code storeReachable}, {@code storeProblem} and
   * {@code lastHeartbeat} (each only when not null), {@code heartbeatsOnTime}, {@code queued},
   * {@code queueCapacity}, {@code types} (each type's name to its {@code queued} and {@code
   * running}) and {@code stuck} (each with {@code id}, {@code type}, {@code overdue} and {@code
   * thread}). Instants and durations are ISO-8601 text; no value is null.
   *
   * @return the details, in that order; unmodifiable
   */
  public Map<String, Object> details() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("storeReachable", storeReachable);
    if (storeProblem != null) {
      details.put("storeProblem", storeProblem);
    }
    if (lastHeartbeat != null) {
      details.put("lastHeartbeat", lastHeartbeat.toString());
    }
    details.put("heartbeatsOnTime", heartbeatsOnTime);
    details.put("queued", queued);
    details.put("queueCapacity", queueCapacity);
    Map<String, Object> loads = new LinkedHashMap<>();
    for (TypeLoad load : types) {
      loads.put(load.type(), Map.of("queued", load.queued(), "running", load.running()));
    }
    details.put("types", Collections.unmodifiableMap(loads));
    details.put(
        "stuck",
        stuck.stream()
            .map(
                s ->
                    Map.of(
                        "id", s.id().toString(),
                        "type", s.type(),
                        "overdue", s.overdue().toString(),
                        "thread", s.thread()))
            .toList());
    return Collections.unmodifiableMap(details);
  }

  /**
   * The operations of one type.
   *
   * @param type the type's name
   * @param queued its operations queued in the store, on any node
   * @param running its operations running (or stopping) on this node
   */
  public record TypeLoad(String type, int queued, int running) {}

  /**
   * An operation whose worker runs on past its timeout or its stop grace period.
   *
   * @param id the operation
   * @param type its type's name
   * @param overdue how long past the moment it should have ended
   * @param thread the name of the thread that runs it
   */
  public record StuckOperation(OperationId id, String type, Duration overdue, String thread) {}
}
