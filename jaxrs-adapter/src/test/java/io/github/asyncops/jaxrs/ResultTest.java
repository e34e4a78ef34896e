package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code GET {base}/{type}/{id}/result}: a value as JSON, a download with its headers, 409 while
 * active and 404 when there is none.
 */
final class ResultTest extends GrizzlyTest {

  @Test
  void result_of_a_value_is_json() {
    String id = start("answer").path("id").asText();
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);

    Response response = call("operations/answer/" + id + "/result").get();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeaderString("Content-Type")).isEqualTo("application/json");
    assertThat(Http.json(response).path("answer").asInt()).isEqualTo(42);
  }

  @Test
  void result_of_a_download_has_type_disposition_and_length() {
    String id = Http.json(post("operations/csv-export", "{\"rows\": 3}")).path("id").asText();
    harness.gate.open(1);
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);
    String status = call("operations/csv-export/" + id).get().readEntity(String.class);
    byte[] csv = CsvExport.csv(3).getBytes(StandardCharsets.UTF_8);

    Response response = call("operations/csv-export/" + id + "/result").get();

    assertThat(Http.json(status).path("resultAvailable").asBoolean()).isTrue();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeaderString("Content-Type")).isEqualTo("text/csv");
    assertThat(response.getHeaderString("Content-Disposition"))
        .isEqualTo("attachment; filename=\"export.csv\"; filename*=UTF-8''export.csv");
    assertThat(response.getHeaderString("Content-Length")).isEqualTo(String.valueOf(csv.length));
    assertThat(response.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.readEntity(byte[].class)).isEqualTo(csv);
  }

  @Test
  void head_of_a_download_answers_its_headers_without_a_body() {
    String id = Http.json(post("operations/csv-export", "{\"rows\": 3}")).path("id").asText();
    harness.gate.open(1);
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);

    Response response = call("operations/csv-export/" + id + "/result").head();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeaderString("Content-Type")).isEqualTo("text/csv");
    assertThat(response.getHeaderString("Content-Disposition"))
        .isEqualTo("attachment; filename=\"export.csv\"; filename*=UTF-8''export.csv");
    assertThat(response.hasEntity()).isFalse();
  }

  @Test
  void result_while_active_answers_409() {
    String id = start("missile-launch").path("id").asText();

    Http.problem(
        call("operations/missile-launch/" + id + "/result").get(),
        409,
        "operation-active",
        "Operation still active",
        "operation '" + id + "' is still active");
  }

  @Test
  void result_of_an_operation_without_one_answers_404() {
    String id = start("missile-launch").path("id").asText();
    harness.gate.open(4);
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);

    Http.problem(
        call("operations/missile-launch/" + id + "/result").get(),
        404,
        "no-result",
        "No result",
        "ended SUCCEEDED without a result");
  }
}
