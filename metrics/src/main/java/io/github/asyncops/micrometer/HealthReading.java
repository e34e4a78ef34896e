package io.github.asyncops.micrometer;

import io.github.asyncops.core.EngineHealth;
import io.github.asyncops.core.OperationEngine;
import java.time.Duration;
import java.util.Optional;

/**
 * One {@link OperationEngine#health()} answer shared by every gauge for a while, because each
 * answer reads the store and a scrape reads two gauges per type.
 */
final class HealthReading {
  private final OperationEngine engine;
  private final long maxAgeNanos;
  private EngineHealth health;
  private long readAt;

  HealthReading(OperationEngine engine, Duration maxAge) {
    this.engine = engine;
    this.maxAgeNanos = maxAge.toNanos();
  }

  synchronized EngineHealth current() {
    long now = System.nanoTime();
    if (health == null || now - readAt > maxAgeNanos) {
      health = engine.health();
      readAt = now;
    }
    return health;
  }

  Optional<EngineHealth.TypeLoad> load(String type) {
    return current().types().stream().filter(t -> t.type().equals(type)).findFirst();
  }
}
