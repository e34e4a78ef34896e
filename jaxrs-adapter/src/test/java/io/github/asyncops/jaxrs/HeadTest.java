package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * {@code HEAD} on every route answers at once with the headers a {@code GET} would have, or 405
 * with {@code Allow} where there is no {@code GET}; in particular {@code HEAD} on the events of an
 * active operation does not wait for it to end (issue 11).
 */
final class HeadTest extends GrizzlyTest {

  /** {@code HEAD} as a browser or curl sends it: accepting anything. */
  private Response head(String path) {
    return resource(path).request().cookie(COOKIE, BROWSER).head();
  }

  @Test
  void head_on_the_types_and_a_list_answers_200() {
    Response types = head("operations");
    Response list = head("operations/missile-launch?active=true");

    assertThat(types.getStatus()).isEqualTo(200);
    assertThat(types.getHeaderString("Content-Type")).isEqualTo("application/json");
    assertThat(list.getStatus()).isEqualTo(200);
    assertThat(list.getHeaderString("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void head_on_a_status_answers_its_etag_and_poll_hint() {
    String id = start("missile-launch").path("id").asText();

    Response status = head("operations/missile-launch/" + id);

    assertThat(status.getStatus()).isEqualTo(200);
    assertThat(status.getHeaderString("ETag")).isNotBlank();
    assertThat(status.getHeaderString("Retry-After")).isEqualTo("3");
    assertThat(status.hasEntity()).isFalse();
  }

  @Test
  void head_on_the_events_of_an_active_operation_answers_at_once() {
    String id = start("missile-launch").path("id").asText();

    Response events = head("operations/missile-launch/" + id + "/events");

    assertThat(events.getStatus()).isEqualTo(200);
    assertThat(events.getMediaType().toString()).startsWith("text/event-stream");
    assertThat(harness.engine.status(OperationId.of(id)).active()).isTrue();
  }

  @Test
  void head_on_a_result_answers_the_download_headers() {
    String id = post("operations/csv-export", "{\"rows\": 3}").readEntity(String.class);
    String exportId = Http.json(id).path("id").asText();
    harness.gate.open(1);
    harness.fixture.awaitState(OperationId.of(exportId), OperationState.SUCCEEDED);

    Response result = head("operations/csv-export/" + exportId + "/result");

    assertThat(result.getStatus()).isEqualTo(200);
    assertThat(result.getHeaderString("Content-Type")).isEqualTo("text/csv");
    assertThat(result.getHeaderString("Content-Length"))
        .isEqualTo(String.valueOf(CsvExport.csv(3).length()));
  }

  @Test
  void head_on_stop_answers_405_with_allow() {
    String id = start("missile-launch").path("id").asText();

    Response stop = head("operations/missile-launch/" + id + "/stop");

    assertThat(stop.getStatus()).isEqualTo(405);
    assertThat(stop.getHeaderString("Allow")).contains("POST");
    assertThat(harness.engine.status(OperationId.of(id)).stopRequested()).isFalse();
  }

  @Test
  void head_on_what_does_not_exist_answers_404() {
    assertThat(head("operations/missile-launch/" + OperationId.random()).getStatus())
        .isEqualTo(404);
    assertThat(head("operations/missile-launch/" + OperationId.random() + "/events").getStatus())
        .isEqualTo(404);
    assertThat(head("operations/nope").getStatus()).isEqualTo(404);
    assertThat(head("operations/a/b/c/d").getStatus()).isEqualTo(404);
  }
}
