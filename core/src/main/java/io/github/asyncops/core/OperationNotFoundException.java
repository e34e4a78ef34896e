package io.github.asyncops.core;

/** No operation with the given id exists, and none was forgotten recently. */
public final class OperationNotFoundException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final transient OperationId id;

  /**
   * Creates the exception.
   *
   * @param id the id that was asked for
   */
  public OperationNotFoundException(OperationId id) {
    super("no operation with id " + id);
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
