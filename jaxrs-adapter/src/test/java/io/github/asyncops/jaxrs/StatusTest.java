package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code GET {base}/{type}/{id}}: the status JSON, its headers ({@code Retry-After}, {@code
 * Cache-Control}, {@code ETag} and 304), 404 and 410. Ownership has its own test.
 */
final class StatusTest extends GrizzlyTest {

  @Test
  void status_has_every_promised_field_and_no_owner() throws Exception {
    String id = start("missile-launch").path("id").asText();
    harness.gate.awaitArrivals(1);
    harness.gate.open(1);
    harness.fixture.until(OperationId.of(id), s -> s.value() == 0.25);

    Response response = call("operations/missile-launch/" + id).get();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeaderString("Content-Type")).isEqualTo("application/json");
    JsonNode status = Http.json(response);
    assertThat(status.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "type",
            "state",
            "value",
            "text",
            "active",
            "key",
            "createdAt",
            "startedAt",
            "updatedAt",
            "finishedAt",
            "error",
            "resultAvailable",
            "stopRequested",
            "node",
            "elapsed",
            "remaining",
            "stalled",
            "stage",
            "links");
    assertThat(status.path("state").asText()).isEqualTo("RUNNING");
    assertThat(status.path("value").asDouble()).isEqualTo(0.25);
    assertThat(status.path("text").asText()).isEqualTo("Полет завершен на 25%");
    assertThat(status.path("createdAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(status.path("finishedAt").isNull()).isTrue();
    assertThat(status.path("key").isNull()).isTrue();
    assertThat(status.path("node").asText()).isNotBlank();
    String self = "/operations/missile-launch/" + id;
    assertThat(status.path("links").path("self").asText()).isEqualTo(self);
    assertThat(status.path("links").path("stop").asText()).isEqualTo(self + "/stop");
    assertThat(status.path("links").path("result").asText()).isEqualTo(self + "/result");
    assertThat(status.path("links").path("events").asText()).isEqualTo(self + "/events");
    assertThat(status.toString()).doesNotContain("owner", "anonymous:");
  }

  @Test
  void status_tells_elapsed_and_remaining_seconds_and_a_stall() throws Exception {
    String id = start("missile-launch").path("id").asText();
    String path = "operations/missile-launch/" + id;
    harness.gate.awaitArrivals(1);
    harness.fixture.tick();
    for (int step = 1; step <= 3; step++) {
      double value = step * 0.25;
      harness.gate.open(1);
      harness.fixture.until(OperationId.of(id), s -> s.value() == value);
      harness.fixture.clock.advance(Duration.ofSeconds(10));
      harness.fixture.tick();
    }

    Response running = call(path).get();
    JsonNode status = Http.json(running);
    assertThat(status.path("elapsed").asLong()).isEqualTo(30);
    assertThat(status.path("remaining").asLong()).isBetween(8L, 12L);
    assertThat(status.path("stalled").asBoolean()).isFalse();
    assertThat(status.path("stage").isNull()).isTrue();

    harness.fixture.clock.advance(Duration.ofSeconds(1));
    Response later = call(path).header("If-None-Match", running.getHeaderString("ETag")).get();
    assertThat(later.getStatus()).as("only the clock moved").isEqualTo(304);

    harness.fixture.clock.advance(Duration.ofSeconds(30));
    harness.fixture.tick();
    Response stalled = call(path).header("If-None-Match", running.getHeaderString("ETag")).get();
    assertThat(stalled.getStatus()).isEqualTo(200);
    assertThat(Http.json(stalled).path("stalled").asBoolean()).isTrue();
  }

  @Test
  void status_suggests_the_next_poll_while_active_and_not_once_final() throws Exception {
    String id = start("missile-launch").path("id").asText();

    Response active = call("operations/missile-launch/" + id).get();
    harness.gate.open(4);
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);
    Response ended = call("operations/missile-launch/" + id).get();

    assertThat(active.getHeaderString("Retry-After")).isEqualTo("3");
    assertThat(active.getHeaderString("Cache-Control")).isEqualTo("no-store");
    assertThat(ended.getHeaderString("Retry-After")).isNull();
    assertThat(ended.getHeaderString("Cache-Control")).isEqualTo("no-store");
    JsonNode status = Http.json(ended);
    assertThat(status.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(status.path("value").asDouble()).isEqualTo(1.0);
    assertThat(status.path("text").asText()).isEqualTo("Кабуууум!");
    assertThat(status.path("active").asBoolean()).isFalse();
    assertThat(status.path("finishedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void status_with_the_current_etag_answers_304_until_it_changes() throws Exception {
    String id = start("missile-launch").path("id").asText();
    harness.gate.awaitArrivals(1);
    String path = "operations/missile-launch/" + id;
    Response first = call(path).get();
    String etag = first.getHeaderString("ETag");

    Response unchanged = call(path).header("If-None-Match", etag).get();
    harness.gate.open(1);
    harness.fixture.until(OperationId.of(id), s -> s.value() == 0.25);
    Response changed = call(path).header("If-None-Match", etag).get();

    assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(unchanged.getStatus()).isEqualTo(304);
    assertThat(unchanged.hasEntity()).isFalse();
    assertThat(unchanged.getHeaderString("ETag")).isEqualTo(etag);
    assertThat(unchanged.getHeaderString("Retry-After")).isEqualTo("3");
    assertThat(unchanged.getHeaderString("Cache-Control")).isEqualTo("no-store");
    assertThat(changed.getStatus()).isEqualTo(200);
    assertThat(changed.getHeaderString("ETag")).isNotEqualTo(etag);
    assertThat(Http.json(changed).path("value").asDouble()).isEqualTo(0.25);
  }

  @Test
  void status_with_a_malformed_precondition_answers_400() {
    String id = start("missile-launch").path("id").asText();

    for (String header : List.of("If-None-Match", "If-Match")) {
      for (String tag : List.of("garbage", ",,,", "\"abc", "W/")) {
        Http.problem(
            call("operations/missile-launch/" + id).header(header, tag).get(),
            400,
            "invalid-request",
            "Invalid request",
            "the If-None-Match or If-Match header is malformed");
      }
    }
  }

  @Test
  void status_of_an_unknown_or_malformed_id_answers_404() {
    for (String id : List.of(OperationId.random().value(), "not-an-id")) {
      Http.problem(
          call("operations/missile-launch/" + id).get(),
          404,
          "operation-not-found",
          "Operation not found",
          "no operation of type 'missile-launch' has the id '" + id + "'");
    }
  }

  @Test
  void status_under_another_type_answers_404() {
    String id = start("missile-launch").path("id").asText();

    Http.problem(
        call("operations/reject/" + id).get(),
        404,
        "operation-not-found",
        "Operation not found",
        "no operation of type 'reject' has the id '" + id + "'");
  }

  @Test
  void status_of_an_unknown_type_answers_404() {
    Http.problem(
        call("operations/launch-rocket/" + OperationId.random()).get(),
        404,
        "unknown-type",
        "Unknown operation type",
        "no operation type is named 'launch-rocket'");
  }

  @Test
  void status_after_eviction_answers_410() {
    String id = start("missile-launch").path("id").asText();
    harness.gate.open(4);
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);

    harness.fixture.clock.advance(Duration.ofMinutes(16));
    harness.fixture.tick();

    Http.problem(
        call("operations/missile-launch/" + id).get(),
        410,
        "operation-gone",
        "Operation gone",
        "operation '" + id + "' ended and was forgotten");
    Response russian =
        call("operations/missile-launch/" + id).header("Accept-Language", "ru").get();
    Http.problem(russian, 410, "operation-gone", "Операции больше нет", "«" + id + "» завершилась");
    assertThat(russian.getHeaderString("Content-Language")).isEqualTo("ru");
  }
}
