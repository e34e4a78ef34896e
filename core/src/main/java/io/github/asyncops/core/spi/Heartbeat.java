package io.github.asyncops.core.spi;

import io.github.asyncops.core.OperationId;
import java.util.Set;

/**
 * What a store answers to a node's {@link OperationStore#heartbeat heartbeat}.
 *
 * @param stopRequested the held operations with a stop request, so a stop made on another node
 *     reaches this one
 * @param lost the held operations this node no longer holds: another node failed them as lost or
 *     claimed them again, or they ended, so the node must stop their workers and write nothing more
 *     for them
 */
public record Heartbeat(Set<OperationId> stopRequested, Set<OperationId> lost) {
  /** A heartbeat that changed nothing. */
  public static final Heartbeat NONE = new Heartbeat(Set.of(), Set.of());

  /**
   * Copies the sets.
   *
   * @param stopRequested the held operations with a stop request
   * @param lost the held operations no longer held
   */
  public Heartbeat {
    stopRequested = Set.copyOf(stopRequested);
    lost = Set.copyOf(lost);
  }
}
