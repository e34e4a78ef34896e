package io.github.asyncops.spring.boot;

import io.github.asyncops.core.EngineHealth;
import io.github.asyncops.core.OperationEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Health.Builder builder = health.healthy() ? Health.up() : Health.down();
    builder.withDetail("storeReachable", health.storeReachable());
    if (health.storeProblem() != null) {
      builder.withDetail("storeProblem", health.storeProblem());
    }
    if (health.lastHeartbeat() != null) {
      builder.withDetail("lastHeartbeat", health.lastHeartbeat().toString());
    }
    builder
        .withDetail("heartbeatsOnTime", health.heartbeatsOnTime())
        .withDetail("queued", health.queued())
        .withDetail("queueCapacity", health.queueCapacity());
    Map<String, Object> types = new LinkedHashMap<>();
    for (EngineHealth.TypeLoad load : health.types()) {
      types.put(load.type(), Map.of("queued", load.queued(), "running", load.running()));
    }
    builder.withDetail("types", types);
    List<Map<String, String>> stuck =
        health.stuck().stream()
            .map(
                s ->
                    Map.of(
                        "id", s.id().toString(),
                        "type", s.type(),
                        "overdue", s.overdue().toString(),
                        "thread", s.thread()))
            .toList();
    return builder.withDetail("stuck", stuck).build();
  }
}
