package io.github.asyncops.core;

/**
 * The engine cannot start because a worker provider failed to load or to configure (a missing or
 * invalid setting, a missing service), two share a name, or one declares an invalid type. The
 * message lists every problem, one per line, each naming the provider class.
 */
public final class WorkerDiscoveryException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message every problem found, one per line
   * @param cause the first underlying failure, or null
   */
  public WorkerDiscoveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
