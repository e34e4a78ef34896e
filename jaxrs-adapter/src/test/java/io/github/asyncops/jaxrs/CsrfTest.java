package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CSRF: start, stop and delete refuse what a page on another site could send without a CORS
 * preflight (no JSON content type and no {@code X-Requested-With}), before anything else is
 * checked; reads and the rest of the application are not affected.
 */
final class CsrfTest extends GrizzlyTest {

  private Response refused(Response response) {
    Http.problem(
        response,
        403,
        "cross-site-request",
        "Cross-site request refused",
        "needs Content-Type: application/json or an X-Requested-With header");
    return response;
  }

  @Test
  void simple_requests_cannot_start_stop_or_delete() {
    String id = start("missile-launch").path("id").asText();
    String path = "operations/missile-launch/" + id;

    for (Response response :
        List.of(
            target("operations/answer").request().post(null),
            target("operations/answer").request().post(Entity.text("{}")),
            target("operations/answer").request().post(Entity.form(new Form("rows", "3"))),
            target("operations/nowhere").request().post(Entity.text("{}")),
            target(path + "/stop").request().post(Entity.text("{}")),
            target(path).request().delete())) {
      refused(response);
    }
    assertThat(Http.json(call("operations/answer").get())).isEmpty();
    assertThat(Http.json(call(path).get()).path("stopRequested").asBoolean()).isFalse();
  }

  @Test
  void a_json_content_type_is_enough() {
    Response response = target("operations/answer").request().post(Entity.json("{}"));

    assertThat(response.getStatus()).isEqualTo(202);
  }

  @Test
  void an_x_requested_with_header_is_enough() {
    String id = start("missile-launch").path("id").asText();

    Response response =
        target("operations/missile-launch/" + id + "/stop")
            .request()
            .header("X-Requested-With", "XMLHttpRequest")
            .post(Entity.text(""));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(harness.engine.status(OperationId.of(id)).stopRequested()).isTrue();
  }

  @Test
  void reads_and_the_rest_of_the_application_are_not_affected() {
    assertThat(target("operations").request().get().getStatus()).isEqualTo(200);
    Response other = target("other").request().post(Entity.text("hello"));
    assertThat(other.getStatus()).isEqualTo(200);
    assertThat(other.readEntity(String.class)).isEqualTo("hello");
  }
}
