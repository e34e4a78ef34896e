package io.github.asyncops.core.spi;

import java.util.Objects;

/**
 * What a node asks of {@link OperationStore#claim}: up to {@code max} of the oldest queued
 * operations of one type.
 *
 * @param type the type's name
 * @param max the most records to claim, at least 1
 * @param node the claiming node
 */
public record ClaimRequest(String type, int max, String node) {

  /**
   * Checks the parts.
   *
   * @param type the type's name
   * @param max the most records to claim, at least 1
   * @param node the claiming node
   * @throws IllegalArgumentException if {@code max} is less than 1
   * @throws NullPointerException if {@code type} or {@code node} is null
   */
  public ClaimRequest {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(node, "node");
    if (max < 1) {
      throw new IllegalArgumentException("a claim takes at least 1 record, not " + max);
    }
  }
}
