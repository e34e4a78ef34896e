package io.github.asyncops.core;

/** The base of every exception that asyncops throws on purpose. */
public class AsyncOpsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong
   */
  public AsyncOpsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public AsyncOpsException(String message, Throwable cause) {
    super(message, cause);
  }
}
