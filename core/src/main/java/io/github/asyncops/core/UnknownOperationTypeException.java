package io.github.asyncops.core;

/** No operation type of the given name is provided or declared on this node. */
public final class UnknownOperationTypeException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final String type;

  /**
   * Creates the exception.
   *
   * @param type the unknown type name
   */
  public UnknownOperationTypeException(String type) {
    super("no operation type named '" + type + "' is registered");
    this.type = type;
  }

  /**
   * The name that was asked for.
   *
   * @return the unknown type name
   */
  public String type() {
    return type;
  }
}
