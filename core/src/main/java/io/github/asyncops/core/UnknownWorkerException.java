package io.github.asyncops.core;

/** No operation type of the given name is registered. */
public final class UnknownWorkerException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final String type;

  /**
   * Creates the exception.
   *
   * @param type the unknown type name
   */
  public UnknownWorkerException(String type) {
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
