package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * Errors that the JAX-RS runtime raises under the base (405, 404 for unknown paths, 406) and a
 * closed engine (503) are problem+json too, while the rest of the application keeps its own errors.
 * The errors of each endpoint are in that endpoint's test.
 */
final class ErrorsTest extends GrizzlyTest {

  @Test
  void a_wrong_method_answers_405_with_allow() {
    Response put = call("operations/missile-launch").put(Entity.json("{}"));
    Response getStop = call("operations/missile-launch/" + OperationId.random() + "/stop").get();

    JsonNode problem =
        Http.problem(put, 405, null, "Method Not Allowed", "this method is not allowed here");
    assertThat(problem.path("detail").asText()).contains("GET", "POST");
    assertThat(put.getHeaderString("Allow")).contains("GET", "POST");
    Http.problem(getStop, 405, null, "Method Not Allowed", "allowed: ");
  }

  @Test
  void an_unknown_path_under_the_base_answers_404() {
    Http.problem(
        call("operations/missile-launch/" + OperationId.random() + "/nothing/here").get(),
        404,
        null,
        "Not Found",
        "there is nothing at this path");
  }

  @Test
  void an_unacceptable_media_type_answers_406() {
    String id = start("missile-launch").path("id").asText();

    Http.problem(
        resource("operations/missile-launch/" + id).request("text/html").get(),
        406,
        null,
        "Not Acceptable",
        "cannot answer in the media type that Accept asks for");
  }

  @Test
  void a_closed_engine_answers_503() {
    harness.engine.close();

    Http.problem(
        post("operations/missile-launch", "{}"),
        503,
        "engine-closed",
        "Shutting down",
        "the operation engine is closed");
  }

  @Test
  void the_rest_of_the_application_keeps_its_own_errors_and_headers() {
    Response missing = target("nowhere").request().get();
    Response other = target("other").request().get();

    assertThat(missing.getStatus()).isEqualTo(404);
    assertThat(missing.getHeaderString("Content-Type")).isNotEqualTo("application/problem+json");
    assertThat(other.getHeaderString("Cache-Control")).isNull();
    assertThat(other.getCookies()).isEmpty();
  }
}
