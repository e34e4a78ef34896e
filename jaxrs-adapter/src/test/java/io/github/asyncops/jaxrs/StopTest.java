package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code POST {base}/{type}/{id}/stop} and {@code DELETE {base}/{type}/{id}}: stopping is
 * idempotent; forgetting needs an ended operation and leaves a 410 behind. Refusals by the access
 * policy and CSRF have their own tests.
 */
final class StopTest extends GrizzlyTest {

  @Test
  void stop_answers_200_with_the_stopping_status() throws Exception {
    String id = start("missile-launch").path("id").asText();
    harness.gate.awaitArrivals(1);

    Response response = post("operations/missile-launch/" + id + "/stop", "{}");

    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode status = Http.json(response);
    assertThat(status.path("state").asText()).isIn("STOPPING", "STOPPED");
    assertThat(status.path("stopRequested").asBoolean()).isTrue();
    assertThat(status.path("text").asText()).isEqualTo("Полет отменен");
    harness.fixture.awaitState(OperationId.of(id), OperationState.STOPPED);
  }

  @Test
  void stop_is_idempotent_and_answers_the_final_status_once_ended() throws Exception {
    String id = start("missile-launch").path("id").asText();
    harness.gate.awaitArrivals(1);
    post("operations/missile-launch/" + id + "/stop", "{}");
    harness.fixture.awaitState(OperationId.of(id), OperationState.STOPPED);

    Response again = post("operations/missile-launch/" + id + "/stop", "{}");

    assertThat(again.getStatus()).isEqualTo(200);
    JsonNode status = Http.json(again);
    assertThat(status.path("state").asText()).isEqualTo("STOPPED");
    assertThat(status.path("active").asBoolean()).isFalse();
    assertThat(again.getHeaderString("Retry-After")).isNull();
  }

  @Test
  void stop_of_an_unknown_operation_answers_404() {
    Http.problem(
        post("operations/missile-launch/" + OperationId.random() + "/stop", "{}"),
        404,
        "operation-not-found",
        "Operation not found",
        "no operation of type 'missile-launch'");
  }

  @Test
  void delete_forgets_an_ended_operation_and_leaves_410() {
    String id = start("answer").path("id").asText();
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);

    Response deleted = call("operations/answer/" + id).delete();

    assertThat(deleted.getStatus()).isEqualTo(204);
    Http.problem(
        call("operations/answer/" + id).get(), 410, "operation-gone", "Operation gone", id);
    Http.problem(
        call("operations/answer/" + id).delete(), 410, "operation-gone", "Operation gone", id);
  }

  @Test
  void delete_of_an_active_operation_answers_409() {
    String id = start("missile-launch").path("id").asText();

    Http.problem(
        call("operations/missile-launch/" + id).delete(),
        409,
        "operation-active",
        "Operation still active",
        "operation '" + id + "' is still active");
  }
}
