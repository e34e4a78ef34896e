package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link EngineHealth#details()}, the one map of health details that Actuator's indicator and the
 * demo's {@code /health} render: plain values in a fixed order, no nulls. How the engine finds the
 * values is {@link HealthTest}'s.
 */
final class EngineHealthTest {
  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

  @Test
  void details_are_plain_values_in_order() {
    OperationId id = OperationId.random();
    EngineHealth health =
        new EngineHealth(
            NOW,
            true,
            null,
            NOW.minusSeconds(3),
            true,
            2,
            10,
            List.of(new EngineHealth.TypeLoad("report", 2, 1)),
            List.of(
                new EngineHealth.StuckOperation(
                    id, "report", Duration.ofSeconds(90), "asyncops-report")));

    Map<String, Object> details = health.details();

    assertThat(details)
        .containsExactly(
            Map.entry("storeReachable", true),
            Map.entry("lastHeartbeat", "2026-12-07T01:59:57Z"),
            Map.entry("heartbeatsOnTime", true),
            Map.entry("queued", 2),
            Map.entry("queueCapacity", 10),
            Map.entry("types", Map.of("report", Map.of("queued", 2, "running", 1))),
            Map.entry(
                "stuck",
                List.of(
                    Map.of(
                        "id", id.toString(),
                        "type", "report",
                        "overdue", "PT1M30S",
                        "thread", "asyncops-report"))));
    assertThatThrownBy(() -> details.put("queued", 3))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void an_unreachable_store_names_its_problem_and_a_missing_heartbeat_is_left_out() {
    EngineHealth health =
        new EngineHealth(
            NOW, false, "connection refused", null, false, 0, 10, List.of(), List.of());

    assertThat(health.details())
        .containsEntry("storeProblem", "connection refused")
        .doesNotContainKey("lastHeartbeat")
        .doesNotContainValue(null)
        .containsKeys("storeReachable", "heartbeatsOnTime", "queued", "queueCapacity", "types");
  }
}
