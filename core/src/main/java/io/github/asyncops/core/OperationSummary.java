package io.github.asyncops.core;

import io.github.asyncops.core.spi.OperationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the store holds at a glance, for an operator: how many operations of each type are in each
 * state, what each node runs, and what waits. Immutable; a store builds it with a {@link Tally}.
 *
 * @param counts for each type's name, in name order, how many operations are in each state; every
 *     state is present, zero included; unmodifiable
 * @param nodes for each node that runs operations, in name order, how many it runs and when it last
 *     heartbeat; unmodifiable
 * @param queued how many operations are queued, of every type
 * @param failedLastHour how many operations failed in the hour before {@code at}
 * @param oldestQueued the queued operation created first, or null if none is queued
 * @param at when the summary was taken
 */
public record OperationSummary(
    Map<String, Map<OperationState, Long>> counts,
    List<Node> nodes,
    long queued,
    long failedLastHour,
    Queued oldestQueued,
    Instant at) {

  /** How far back {@link #failedLastHour()} counts. */
  public static final Duration FAILURE_WINDOW = Duration.ofHours(1);

  /**
   * Checks and freezes the parts.
   *
   * @param counts the counts per type and state
   * @param nodes the nodes
   * @param queued the queued total
   * @param failedLastHour the recent failures
   * @param oldestQueued the oldest queued operation, or null
   * @param at when it was taken
   * @throws NullPointerException if {@code counts}, {@code nodes} or {@code at} is null
   */
  public OperationSummary {
    Map<String, Map<OperationState, Long>> frozen = new TreeMap<>();
    counts.forEach((type, byState) -> frozen.put(type, Collections.unmodifiableMap(full(byState))));
    counts = Collections.unmodifiableMap(frozen);
    nodes = List.copyOf(nodes);
    Objects.requireNonNull(at, "at");
  }

  private static Map<OperationState, Long> full(Map<OperationState, Long> byState) {
    Map<OperationState, Long> all = new EnumMap<>(OperationState.class);
    for (OperationState s : OperationState.values()) {
      all.put(s, byState.getOrDefault(s, 0L));
    }
    return all;
  }

  /**
   * What one node runs.
   *
   * @param node the node's name
   * @param running how many running or stopping operations name it in their lease
   * @param lastSeen the latest heartbeat among them
   */
  public record Node(String node, long running, Instant lastSeen) {}

  /**
   * A queued operation, as the summary names it.
   *
   * @param id its id
   * @param type its type's name
   * @param createdAt when it was accepted
   */
  public record Queued(OperationId id, String type, Instant createdAt) {}

  /**
   * Starts a tally of records, for a store that counts the records it holds one by one.
   *
   * @param now the instant the summary is taken at
   * @return an empty tally
   */
  public static Tally tally(Instant now) {
    return new Tally(now);
  }

  /** Counts records into a summary. Not thread-safe. */
  public static final class Tally {
    private final Instant now;
    private final Instant failedSince;
    private final Map<String, Map<OperationState, Long>> counts = new TreeMap<>();
    private final Map<String, long[]> running = new TreeMap<>();
    private final Map<String, Instant> lastSeen = new TreeMap<>();
    private long queued;
    private long failed;
    private OperationRecord oldest;

    private Tally(Instant now) {
      this.now = Objects.requireNonNull(now, "now");
      this.failedSince = now.minus(FAILURE_WINDOW);
    }

    /**
     * Counts one record.
     *
     * @param r the record
     * @return this tally
     */
    public Tally add(OperationRecord r) {
      counts
          .computeIfAbsent(r.type(), t -> new EnumMap<>(OperationState.class))
          .merge(r.state(), 1L, Long::sum);
      switch (r.state()) {
        case QUEUED -> {
          queued++;
          if (oldest == null || OperationQuery.NEWEST_FIRST.compare(r, oldest) > 0) {
            oldest = r;
          }
        }
        case RUNNING, STOPPING -> running(r);
        case FAILED -> {
          Instant finished = r.times().finishedAt();
          if (finished != null && !finished.isBefore(failedSince)) {
            failed++;
          }
        }
        default -> {}
      }
      return this;
    }

    private void running(OperationRecord r) {
      String node = r.lease().node();
      if (node == null) {
        return;
      }
      running.computeIfAbsent(node, n -> new long[1])[0]++;
      Instant beat = r.lease().heartbeatAt();
      if (beat != null) {
        lastSeen.merge(node, beat, (a, b) -> a.isAfter(b) ? a : b);
      }
    }

    /**
     * Builds the summary of the records counted so far.
     *
     * @return the summary
     */
    public OperationSummary build() {
      List<Node> nodes =
          running.entrySet().stream()
              .map(e -> new Node(e.getKey(), e.getValue()[0], lastSeen.get(e.getKey())))
              .toList();
      Queued first =
          oldest == null
              ? null
              : new Queued(oldest.id(), oldest.type(), oldest.times().createdAt());
      return new OperationSummary(counts, nodes, queued, failed, first, now);
    }
  }
}
