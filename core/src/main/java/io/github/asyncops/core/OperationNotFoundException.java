package io.github.asyncops.core;

/** No operation with the given id exists, and none was forgotten recently. */
public final class OperationNotFoundException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param id the id that was asked for
   */
  public OperationNotFoundException(OperationId id) {
    super("no operation with id " + id);
  }
}
