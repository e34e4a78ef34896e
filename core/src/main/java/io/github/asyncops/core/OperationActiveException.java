package io.github.asyncops.core;

/** The request needs a finished operation, but the operation is still active. */
public final class OperationActiveException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final transient OperationId id;

  /**
   * Creates the exception.
   *
   * @param id the active operation
   * @param action what was asked, for the message (for example "read the result of")
   */
  public OperationActiveException(OperationId id, String action) {
    super("cannot " + action + " operation " + id + " while it is active");
    this.id = id;
  }

  /**
   * The operation the request named.
   *
   * @return the active operation
   */
  public OperationId id() {
    return id;
  }
}
