package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Errors that the JAX-RS runtime raises under the base (405 with the routes' own {@code Allow}, 404
 * for unknown paths from the resource's catch-all, 406) and a closed engine (503) are problem+json
 * too, while the rest of the application keeps its own errors. The errors of each endpoint are in
 * that endpoint's test.
 */
final class ErrorsTest extends GrizzlyTest {

  @Test
  void a_wrong_method_answers_405_with_allow() {
    Response put = call("operations/missile-launch").put(Entity.json("{}"));
    Response getStop = call("operations/missile-launch/" + OperationId.random() + "/stop").get();

    JsonNode problem =
        Http.problem(put, 405, null, "Method Not Allowed", "this method is not allowed here");
    assertThat(problem.path("detail").asText()).contains("GET", "POST");
    assertThat(put.getHeaderString("Allow")).isEqualTo("GET, HEAD, OPTIONS, POST");
    Http.problem(getStop, 405, null, "Method Not Allowed", "allowed: OPTIONS, POST");
    assertThat(getStop.getHeaderString("Allow")).isEqualTo("OPTIONS, POST");
  }

  @Test
  void every_method_at_an_unknown_path_answers_404() {
    String unknown = "operations/missile-launch/" + OperationId.random() + "/nothing";
    // PATCH and unknown methods are in MalformedRequestsIT: this client's connection refuses them.
    for (String method : List.of("GET", "POST", "PUT", "DELETE", "OPTIONS")) {
      Invocation.Builder request = call(unknown).header("X-Requested-With", "test");
      Response response =
          List.of("POST", "PUT").contains(method)
              ? request.method(method, Entity.json("{}"))
              : request.method(method);

      assertThat(response.getHeaderString("Allow")).as(method).isNull();
      Http.problem(response, 404, null, "Not Found", "there is nothing at this path");
    }
    Response head = call(unknown).head();
    assertThat(head.getStatus()).isEqualTo(404);
  }

  @Test
  void the_catch_all_leaves_every_route_to_its_method() {
    String id = start("missile-launch").path("id").asText();

    assertThat(call("operations").get().getStatus()).isEqualTo(200);
    assertThat(call("operations/openapi.json").get().getStatus()).isEqualTo(200);
    assertThat(call("operations/missile-launch").get().getStatus()).isEqualTo(200);
    assertThat(call("operations/missile-launch/" + id).get().getStatus()).isEqualTo(200);
    assertThat(call("operations/missile-launch/" + id + "/result").get().getStatus())
        .isEqualTo(409);
    assertThat(call("operations/missile-launch/" + id + "/stop").head().getStatus()).isEqualTo(405);
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
        "the server is shutting down");
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
