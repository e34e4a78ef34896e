package io.github.asyncops.core;

/** The operation existed but was forgotten: evicted after its retention, or deleted. */
public final class OperationGoneException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final transient OperationId id;

  /**
   * Creates the exception.
   *
   * @param id the id that was asked for
   */
  public OperationGoneException(OperationId id) {
    super("operation " + id + " finished and was forgotten");
    this.id = id;
  }

  /**
   * The operation the request named.
   *
   * @return the id that was asked for
   */
  public OperationId id() {
    return id;
  }
}
