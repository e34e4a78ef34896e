package io.github.asyncops.core;

/** The engine is shutting down or shut down and accepts no new operations. */
public final class EngineClosedException extends AsyncOpsException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public EngineClosedException() {
    super("the operation engine is closed and accepts no new operations");
  }
}
