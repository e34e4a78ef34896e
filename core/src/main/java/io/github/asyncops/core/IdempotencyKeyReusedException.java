package io.github.asyncops.core;

/**
 * A start was refused because its idempotency key already started an operation that asked for
 * something else: the fingerprints differ. Answering with that operation would hide the caller's
 * mistake; a new key starts a new operation.
 */
public final class IdempotencyKeyReusedException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final transient OperationId operation;

  /**
   * Creates the exception.
   *
   * @param type the type's name
   * @param operation the operation the key started
   */
  public IdempotencyKeyReusedException(String type, OperationId operation) {
    super(
        "this idempotency key was already used for a start with other parameters (an"
            + " operation of type '"
            + type
            + "'); use a new key for a new start");
    this.operation = operation;
  }

  /**
   * The operation the key started.
   *
   * @return its id
   */
  public OperationId operation() {
    return operation;
  }
}
