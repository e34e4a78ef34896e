package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code POST {base}/{type}}: the answers for started, joined, rejected and restarted operations,
 * parameter binding and its 400s, keys, 404, 413 and 415. Capacity, {@code Prefer: wait}, {@code
 * Idempotency-Key} and CSRF have their own tests.
 */
final class StartTest extends GrizzlyTest {

  @Test
  void start_answers_202_with_location_and_the_status() throws Exception {
    Response response = post("operations/missile-launch", "{}");

    assertThat(response.getStatus()).isEqualTo(202);
    JsonNode status = Http.json(response);
    String id = status.path("id").asText();
    assertThat(OperationId.isValid(id)).isTrue();
    assertThat(response.getLocation())
        .hasToString(getBaseUri() + "operations/missile-launch/" + id);
    assertThat(status.path("links").path("self").asText())
        .isEqualTo("/operations/missile-launch/" + id);
    assertThat(status.path("type").asText()).isEqualTo("missile-launch");
    assertThat(status.path("state").asText()).isIn("QUEUED", "RUNNING");
    assertThat(status.path("active").asBoolean()).isTrue();
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("3");
    assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void start_with_join_answers_the_running_operation() throws Exception {
    String first = start("missile-launch").path("id").asText();
    harness.gate.awaitArrivals(1);

    Response second = post("operations/missile-launch", "{}");

    assertThat(second.getStatus()).isEqualTo(200);
    assertThat(second.getLocation())
        .hasToString(getBaseUri() + "operations/missile-launch/" + first);
    JsonNode status = Http.json(second);
    assertThat(status.path("id").asText()).isEqualTo(first);
    assertThat(status.path("state").asText()).isEqualTo("RUNNING");
    assertThat(status.path("text").asText()).isEqualTo("Поехали!");
  }

  @Test
  void start_with_reject_answers_409_with_the_active_operation() {
    String first = start("reject").path("id").asText();

    JsonNode problem =
        Http.problem(
            post("operations/reject", "{}"),
            409,
            "operation-conflict",
            "Operation already active",
            "already active");

    assertThat(problem.path("operation").path("id").asText()).isEqualTo(first);
  }

  @Test
  void start_with_restart_stops_the_running_operation_and_starts_another() throws Exception {
    String first = start("restart").path("id").asText();
    harness.gate.awaitArrivals(1);

    Response second = post("operations/restart", "{}");

    assertThat(second.getStatus()).isEqualTo(202);
    assertThat(Http.json(second).path("id").asText()).isNotEqualTo(first);
    assertThat(
            harness
                .fixture
                .awaitState(OperationId.of(first), OperationState.STOPPED)
                .stopRequested())
        .isTrue();
  }

  @Test
  void start_binds_typed_parameters() throws Exception {
    Response response = post("operations/csv-export", "{\"rows\": 3}");

    assertThat(response.getStatus()).isEqualTo(202);
    String id = Http.json(response).path("id").asText();
    harness.gate.open(1);
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);
  }

  @Test
  void start_with_failing_validation_answers_400_naming_the_field() {
    JsonNode problem =
        Http.problem(
            post("operations/csv-export", "{\"rows\": 0}"),
            400,
            "invalid-parameters",
            "Invalid parameters",
            "rows: must be from 1 to");

    assertThat(problem.path("field").asText()).isEqualTo("rows");
  }

  @Test
  void start_with_a_value_of_the_wrong_type_answers_400_naming_the_field() {
    JsonNode problem =
        Http.problem(
            post("operations/csv-export", "{\"rows\": \"many\"}"),
            400,
            "invalid-parameters",
            "Invalid parameters",
            "field 'rows' must be an integer");

    assertThat(problem.path("field").asText()).isEqualTo("rows");
  }

  @Test
  void start_with_an_unknown_field_answers_400_naming_it() {
    JsonNode problem =
        Http.problem(
            post("operations/csv-export", "{\"rows\": 1, \"colour\": \"red\"}"),
            400,
            "invalid-parameters",
            "Invalid parameters",
            "unknown field 'colour'");

    assertThat(problem.path("field").asText()).isEqualTo("colour");
  }

  @Test
  void start_without_required_parameters_answers_400() {
    Http.problem(
        post("operations/csv-export", "{}"),
        400,
        "invalid-parameters",
        "Invalid parameters",
        "rows: is required");
    Http.problem(
        call("operations/csv-export").post(null),
        400,
        "invalid-parameters",
        "Invalid parameters",
        "rows: is required");
  }

  @Test
  void start_with_parameters_for_a_type_that_takes_none_answers_400() {
    Http.problem(
        post("operations/missile-launch", "{\"target\": \"moon\"}"),
        400,
        "invalid-parameters",
        "Invalid parameters",
        "takes no parameters");
  }

  @Test
  void start_with_malformed_json_answers_400() {
    Http.problem(
        post("operations/csv-export", "{\"rows\": "),
        400,
        "malformed-json",
        "Malformed JSON",
        "not valid JSON at line 1");
    Http.problem(
        post("operations/csv-export", "{\"rows\": 1} {}"),
        400,
        "malformed-json",
        "Malformed JSON",
        "not valid JSON");
  }

  @Test
  void start_with_a_body_of_the_wrong_shape_says_what_the_body_must_be() {
    Http.problem(
        post("operations/csv-export", "\"rows\""),
        400,
        "invalid-parameters",
        "Invalid parameters",
        "the body must be a JSON object with an integer field rows");
    Http.problem(
        post("operations/csv-export", "[1, 2]"),
        400,
        "invalid-parameters",
        "Invalid parameters",
        "the body must be a JSON object with an integer field rows");
  }

  @Test
  void start_with_json_nested_too_deeply_answers_400_without_parser_internals() {
    String nested = "[".repeat(1_001) + "]".repeat(1_001);

    JsonNode problem =
        Http.problem(
            post("operations/csv-export", nested),
            400,
            "malformed-json",
            "Malformed JSON",
            "the request body nests JSON deeper than 1000 levels");
    assertThat(problem.toString()).doesNotContain("StreamReadConstraints", "()");
  }

  @Test
  void start_of_an_unknown_type_answers_404() {
    Http.problem(
        post("operations/launch-rocket", "{}"),
        404,
        "unknown-type",
        "Unknown operation type",
        "no operation type is named 'launch-rocket'");
  }

  @Test
  void start_of_a_key_type_needs_a_key_and_joins_per_key() {
    JsonNode problem =
        Http.problem(
            post("operations/keyed", "{}"), 400, "invalid-parameters", "Invalid parameters", "key");
    assertThat(problem.path("field").asText()).isEqualTo("key");

    JsonNode first = Http.json(post("operations/keyed?key=doc-1", "{}"));
    Response again = post("operations/keyed?key=doc-1", "{}");
    Response other = post("operations/keyed?key=doc-2", "{}");

    assertThat(first.path("key").asText()).isEqualTo("doc-1");
    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(Http.json(again).path("id")).isEqualTo(first.path("id"));
    assertThat(other.getStatus()).isEqualTo(202);
  }

  @Test
  void start_with_a_body_over_the_limit_answers_413() {
    String body =
        "{\"rows\": 1, \"pad\": \"" + "x".repeat(AsyncOpsFeature.DEFAULT_MAX_BODY_SIZE) + "\"}";

    Http.problem(
        post("operations/csv-export", body),
        413,
        "body-too-large",
        "Request body too large",
        "larger than the limit of 65536 bytes");
  }

  @Test
  void start_with_another_media_type_answers_415() {
    Http.problem(
        call("operations/csv-export").post(Entity.text("rows=3")),
        415,
        null,
        "Unsupported Media Type",
        "send the body as application/json");
  }

  @Test
  void start_without_body_or_content_type_is_accepted_from_script() {
    Response response = call("operations/missile-launch").post(null);

    assertThat(response.getStatus()).isEqualTo(202);
  }
}
