package io.github.asyncops.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * What a store answers to {@link OperationStore#finishAndClaim}: the finish and the claim it made
 * in one go.
 *
 * @param finished the final record, as {@link OperationStore#finish} answers it
 * @param claimed the records claimed, as {@link OperationStore#claim} answers them
 */
public record Handover(Optional<OperationRecord> finished, List<OperationRecord> claimed) {
  /**
   * Copies the list.
   *
   * @param finished the final record, or empty
   * @param claimed the records claimed
   */
  public Handover {
    claimed = List.copyOf(claimed);
  }
}
