package io.github.asyncops.spring.boot;

import io.github.asyncops.core.EngineHealth;
import io.github.asyncops.core.OperationEngine;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The engine's {@link OperationEngine#health()} as an Actuator health indicator ({@code asyncOps}
 * under {@code /actuator/health}): UP when healthy, else DOWN, with the details either way.
 */
final class AsyncOpsHealthIndicator implements HealthIndicator {
  private final OperationEngine engine;

  AsyncOpsHealthIndicator(OperationEngine engine) {
    this.engine = engine;
  }

  @Override
  public Health health() {
    EngineHealth health = engine.health();
    return (health.healthy() ? Health.up() : Health.down()).withDetails(health.details()).build();
  }
}
