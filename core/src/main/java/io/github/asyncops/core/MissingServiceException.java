package io.github.asyncops.core;

/**
 * A worker provider needs a service that the application did not register with {@link
 * OperationEngine.Builder#service(Class, Object)}. The engine's build then fails with a {@link
 * WorkerDiscoveryException} that names the provider too.
 */
public final class MissingServiceException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param type the service type asked for
   */
  public MissingServiceException(Class<?> type) {
    super(
        "service "
            + type.getName()
            + " is not registered; register it with OperationEngine.builder().service("
            + type.getSimpleName()
            + ".class, ...)");
  }
}
