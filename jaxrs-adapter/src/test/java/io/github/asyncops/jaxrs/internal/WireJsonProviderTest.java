package io.github.asyncops.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Stage;
import io.github.asyncops.jaxrs.json.StatusJson;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The time fields of the status JSON as the wire mapper writes them: seconds, the stage as an
 * object, and nulls where the engine knows nothing. The HTTP round trip is {@code StatusTest}'s.
 */
final class WireJsonProviderTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private static JsonNode json(Duration elapsed, Duration remaining, Stage stage) throws Exception {
    OperationSnapshot snapshot =
        new OperationSnapshot(
            OperationId.random(),
            "import",
            OperationState.RUNNING,
            0.4,
            null,
            null,
            null,
            START,
            START,
            START,
            null,
            null,
            false,
            false,
            Duration.ofSeconds(3),
            "node-1",
            elapsed,
            remaining,
            true,
            stage);
    String text =
        WireJsonProvider.mapper().writeValueAsString(StatusJson.of(snapshot, "/api/operations"));
    return WireJsonProvider.mapper().readTree(text);
  }

  @Test
  void times_are_whole_seconds_and_the_stage_an_object() throws Exception {
    JsonNode status =
        json(Duration.ofSeconds(75), Duration.ofSeconds(120), new Stage(2, 5, "Loading rows"));

    assertThat(status.path("elapsed").asLong()).isEqualTo(75);
    assertThat(status.path("remaining").asLong()).isEqualTo(120);
    assertThat(status.path("stalled").asBoolean()).isTrue();
    assertThat(status.path("stage").toString())
        .isEqualTo("{\"index\":2,\"count\":5,\"name\":\"Loading rows\"}");
  }

  @Test
  void unknown_times_and_no_stage_are_null() throws Exception {
    JsonNode status = json(null, null, null);

    assertThat(status.path("elapsed").isNull()).isTrue();
    assertThat(status.path("remaining").isNull()).isTrue();
    assertThat(status.path("stage").isNull()).isTrue();
  }
}
