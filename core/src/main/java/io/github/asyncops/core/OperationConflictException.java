package io.github.asyncops.core;

/**
 * A start was refused because its type's policy is {@link StartPolicy#REJECT} and an operation in
 * the same scope is active.
 */
public final class OperationConflictException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final transient OperationSnapshot active;

  /**
   * Creates the exception.
   *
   * @param active the operation that holds the scope
   */
  public OperationConflictException(OperationSnapshot active) {
    super(
        "an operation of type '"
            + active.type()
            + "' is already active in this scope ("
            + active.id()
            + ")");
    this.active = active;
  }

  /**
   * The operation that holds the scope.
   *
   * @return its snapshot when the start was refused
   */
  public OperationSnapshot active() {
    return active;
  }
}
