package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.jaxrs.EventReader.Event;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET {base}/{type}/{id}/events} on a real server: one {@code status} event per change in
 * order, progress once per housekeeping tick, increasing ids, the end of the stream after the final
 * state, {@code Last-Event-ID} resumption and its 204, a failure's message in the viewer's
 * language, and the errors before a stream opens.
 */
final class EventsIT {
  private final Harness harness = new Harness();
  private final Server server = new Server(harness.application(), harness::close);
  private final Browser browser = new Browser(server);

  @AfterEach
  void stop() {
    server.close();
  }

  private String startMissile() throws InterruptedException {
    String id =
        Http.json(browser.post("operations/missile-launch", "{}").body()).path("id").asText();
    harness.gate.awaitArrivals(1);
    return id;
  }

  private static long sequence(Event event) {
    return Long.parseLong(event.id().substring(0, event.id().indexOf('.')));
  }

  @Test
  void events_follow_the_operation_in_order_and_end_after_the_final_state() throws Exception {
    String id = startMissile();
    OperationId operation = OperationId.of(id);

    try (EventReader events = browser.events("operations/missile-launch/" + id + "/events", null)) {
      assertThat(events.response.statusCode()).isEqualTo(200);
      assertThat(events.response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      Event first = events.next();
      harness.gate.open(2);
      harness.fixture.until(operation, s -> s.value() == 0.5);
      harness.fixture.tick();
      Event progress = events.next();
      harness.gate.open(2);
      Event last = events.next();

      assertThat(first.name()).isEqualTo("status");
      assertThat(first.json().path("state").asText()).isEqualTo("RUNNING");
      assertThat(first.json().path("text").asText()).isEqualTo("Поехали!");
      assertThat(first.json().path("links").path("self").asText())
          .isEqualTo("/api/operations/missile-launch/" + id);
      assertThat(progress.json().path("value").asDouble()).isEqualTo(0.5);
      assertThat(progress.json().path("text").asText()).isEqualTo("Полет завершен на 50%");
      assertThat(last.json().path("state").asText()).isEqualTo("SUCCEEDED");
      assertThat(last.json().path("text").asText()).isEqualTo("Кабуууум!");
      assertThat(sequence(first)).isEqualTo(1);
      assertThat(sequence(progress)).isEqualTo(2);
      assertThat(sequence(last)).isEqualTo(3);
      assertThat(events.next()).isEqualTo(EventReader.END);
    }
  }

  @Test
  void a_failure_message_streams_in_the_viewers_language() throws Exception {
    String id =
        Http.json(browser.post("operations/spoken-flight", "{\"lost\": true}").body())
            .path("id")
            .asText();
    harness.gate.awaitArrivals(1);

    try (EventReader events =
        browser.events("operations/spoken-flight/" + id + "/events?lang=en", null)) {
      JsonNode first = events.nextStatus();
      harness.gate.open(1);
      JsonNode last = events.nextStatus();
      while (last.path("active").asBoolean()) {
        last = events.nextStatus();
      }

      assertThat(first.path("text").asText()).isEqualTo("Liftoff!");
      assertThat(last.path("state").asText()).isEqualTo("FAILED");
      assertThat(last.path("error").asText()).isEqualTo("Contact lost at 40%");
      assertThat(events.next()).isEqualTo(EventReader.END);
    }
  }

  @Test
  void a_stop_streams_stopping_then_stopped_and_ends() throws Exception {
    String id = startMissile();

    try (EventReader events = browser.events("operations/missile-launch/" + id + "/events", null)) {
      events.nextStatus();
      browser.post("operations/missile-launch/" + id + "/stop", "{}");

      JsonNode stopping = events.nextStatus();
      JsonNode stopped =
          stopping.path("state").asText().equals("STOPPED") ? stopping : events.nextStatus();

      assertThat(stopping.path("state").asText()).isIn("STOPPING", "STOPPED");
      assertThat(stopping.path("stopRequested").asBoolean()).isTrue();
      assertThat(stopped.path("state").asText()).isEqualTo("STOPPED");
      assertThat(stopped.path("text").asText()).isEqualTo("Полет отменен");
      assertThat(events.next()).isEqualTo(EventReader.END);
    }
  }

  @Test
  void last_event_id_skips_what_the_client_saw_and_continues_the_ids() throws Exception {
    String id = startMissile();
    String path = "operations/missile-launch/" + id + "/events";
    String seen;
    try (EventReader events = browser.events(path, null)) {
      seen = events.next().id();
    }

    try (EventReader resumed = browser.events(path, seen)) {
      harness.gate.open(1);
      harness.fixture.until(OperationId.of(id), s -> s.value() == 0.25);
      harness.fixture.tick();
      Event next = resumed.next();

      assertThat(next.json().path("value").asDouble()).isEqualTo(0.25);
      assertThat(sequence(next)).isEqualTo(2);
      harness.gate.open(3);
      assertThat(resumed.nextStatus().path("state").asText()).isEqualTo("SUCCEEDED");
    }
  }

  @Test
  void a_client_that_saw_the_end_gets_204_so_it_stops_reconnecting() throws Exception {
    String id = startMissile();
    String path = "operations/missile-launch/" + id + "/events";
    harness.gate.open(4);
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);
    String seen;
    try (EventReader events = browser.events(path, null)) {
      Event only = events.next();
      assertThat(only.json().path("state").asText()).isEqualTo("SUCCEEDED");
      assertThat(events.next()).isEqualTo(EventReader.END);
      seen = only.id();
    }

    try (EventReader again = browser.events(path, seen)) {
      assertThat(again.response.statusCode()).isEqualTo(204);
      assertThat(again.next()).isEqualTo(EventReader.END);
    }
  }

  @Test
  void events_of_unknown_hidden_or_forgotten_operations_are_problems() throws Exception {
    Browser other = new Browser(server);
    String mine =
        Http.json(browser.post("operations/csv-export", "{\"rows\": 1}").body())
            .path("id")
            .asText();
    String answer = Http.json(browser.post("operations/answer", "{}").body()).path("id").asText();
    harness.fixture.awaitState(OperationId.of(answer), OperationState.SUCCEEDED);
    browser.send(browser.request("operations/answer/" + answer).DELETE());

    assertProblem(
        other.events("operations/csv-export/" + mine + "/events", null),
        404,
        "operation-not-found");
    assertProblem(
        browser.events("operations/csv-export/" + OperationId.random() + "/events", null),
        404,
        "operation-not-found");
    assertProblem(
        browser.events("operations/answer/" + answer + "/events", null), 410, "operation-gone");
  }

  private static void assertProblem(EventReader events, int status, String type) throws Exception {
    try (events) {
      HttpResponse<?> response = events.response;
      assertThat(response.statusCode()).isEqualTo(status);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      Event body = events.next();
      assertThat(body).isEqualTo(EventReader.END);
    }
  }
}
