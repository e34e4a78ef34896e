package io.github.asyncops.core;

/** The operation existed but was forgotten: evicted after its retention, or deleted. */
public final class OperationGoneException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param id the id that was asked for
   */
  public OperationGoneException(OperationId id) {
    super("operation " + id + " finished and was forgotten");
  }
}
