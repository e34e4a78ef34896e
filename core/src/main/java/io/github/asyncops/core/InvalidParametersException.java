package io.github.asyncops.core;

/** Start parameters are missing, of the wrong type, or fail the worker's validation. */
public final class InvalidParametersException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates the exception.
   *
   * @param field the offending field, or null when the problem is not about one field
   * @param message what is wrong, safe to show the caller
   */
  public InvalidParametersException(String field, String message) {
    super(field == null ? message : field + ": " + message);
    this.field = field;
  }

  /**
   * The offending field.
   *
   * @return the field name, or null
   */
  public String field() {
    return field;
  }
}
