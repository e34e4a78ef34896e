package io.github.asyncops.jaxrs.json;

import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the store holds at a glance, for the operator console ({@code GET {base}/_admin/summary} and
 * the {@code summary} events).
 *
 * @param types per type, in name order, how many operations are in each state (every state present)
 * @param nodes per node that runs operations, in name order, how many and its latest heartbeat
 * @param queued how many operations are queued
 * @param failedLastHour how many failed in the last hour
 * @param oldestQueued the queued operation created first, or null
 * @param at when the summary was taken
 */
public record SummaryJson(
    List<TypeCounts> types,
    List<Node> nodes,
    long queued,
    long failedLastHour,
    Oldest oldestQueued,
    Instant at) {

  /**
   * One type's counts.
   *
   * @param type the type's name
   * @param counts how many operations are in each state
   */
  public record TypeCounts(String type, Map<OperationState, Long> counts) {}

  /**
   * One node.
   *
   * @param node the node's name
   * @param running how many operations it runs
   * @param lastSeen its latest heartbeat among them
   */
  public record Node(String node, long running, Instant lastSeen) {}

  /**
   * The oldest queued operation.
   *
   * @param id its id
   * @param type its type's name
   * @param createdAt when it was accepted
   */
  public record Oldest(String id, String type, Instant createdAt) {}

  /**
   * Describes a summary.
   *
   * @param s the summary
   * @return its JSON form
   */
  public static SummaryJson of(OperationSummary s) {
    OperationSummary.Queued q = s.oldestQueued();
    return new SummaryJson(
        s.counts().entrySet().stream().map(e -> new TypeCounts(e.getKey(), e.getValue())).toList(),
        s.nodes().stream()
            .map(n -> new Node(n.node(), n.running(), AdminRowJson.millis(n.lastSeen())))
            .toList(),
        s.queued(),
        s.failedLastHour(),
        q == null ? null : new Oldest(q.id().value(), q.type(), AdminRowJson.millis(q.createdAt())),
        AdminRowJson.millis(s.at()));
  }
}
