package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationEngine;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the engine first when the application stops: running operations get their stop grace
 * ({@code asyncops.stop-grace}) and their event streams end, before the web server's graceful
 * shutdown waits for open requests. Starts and polls during the grace answer 503 engine-closed.
 */
final class EngineLifecycle implements SmartLifecycle {
  private final OperationEngine engine;
  private volatile boolean running;

  EngineLifecycle(OperationEngine engine) {
    this.engine = engine;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    engine.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Above the web server's graceful shutdown phase, so the engine stops before it. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
