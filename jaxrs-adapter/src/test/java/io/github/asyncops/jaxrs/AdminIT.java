package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.testing.EngineFixture;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.TestProvider;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator console's API ({@code {base}/_admin/...}) on a real server: the list with every
 * filter and its cursor, the summary, the detail with the failure's cause, stop (also of an
 * operation that runs on another node sharing the store), delete, the live event stream, the
 * OpenAPI document that only admins see, read-only access, CSRF, and the 404 that every other
 * caller gets. Every response and event is checked against the OpenAPI document the caller is
 * served. Hostile requests to these paths are in {@link MalformedRequestsIT}.
 */
final class AdminIT {
  static final String ADMIN = "asyncops-admin";
  static final String VIEWER = "asyncops-viewer";

  private final Gate remoteGate = new Gate();
  private final Harness harness =
      new Harness(
          adapter -> {},
          engine ->
              engine
                  .nodeId("node-a")
                  .worker(
                      TestProvider.of(
                          "boom",
                          p ->
                              context -> {
                                throw new IllegalStateException("kaboom");
                              })));
  private final Server server = new Server(harness.application(), harness::close);
  private final Browser root = new Browser(server, "root", ADMIN);
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (logged) {
            logged.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final Logger adminLog = Logger.getLogger("io.github.asyncops.jaxrs.admin");

  AdminIT() {
    // The tests' logging.properties passes warnings only; the admin log is INFO.
    adminLog.setLevel(java.util.logging.Level.INFO);
    adminLog.addHandler(capture);
  }

  @AfterEach
  void stop() {
    adminLog.removeHandler(capture);
    adminLog.setLevel(null);
    server.close();
  }

  private String start(Browser browser, String type, String body) {
    HttpResponse<String> response = browser.post("operations/" + type, body);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
    return Http.json(response.body()).path("id").asText();
  }

  private List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response.body());
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void list_pages_through_every_owner_newest_first_and_filters() {
    Browser alice = new Browser(server, "alice", null);
    Browser bob = new Browser(server, "bob", null);
    List<String> started = new ArrayList<>();
    Instant before = harness.fixture.clock.instant();
    for (int i = 0; i < 5; i++) {
      harness.fixture.clock.advance(Duration.ofSeconds(10));
      started.add(start(i % 2 == 0 ? alice : bob, "answer", "{}"));
    }
    harness.fixture.clock.advance(Duration.ofSeconds(10));
    String export = start(alice, "csv-export", "{\"rows\": 3}");
    started.add(export);

    List<String> paged = new ArrayList<>();
    JsonNode page = ok(root.get("operations/_admin/operations?limit=2"));
    int pages = 1;
    while (true) {
      assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
      paged.addAll(ids(page));
      if (page.path("next").isNull()) {
        break;
      }
      page =
          ok(root.get("operations/_admin/operations?limit=2&cursor=" + page.path("next").asText()));
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(paged).containsExactlyElementsOf(reversed(started));

    JsonNode row =
        ok(root.get("operations/_admin/operations?type=csv-export")).path("items").get(0);
    assertThat(row.path("id").asText()).isEqualTo(export);
    assertThat(row.path("owner").asText()).isEqualTo("alice");
    assertThat(row.path("state").asText()).isEqualTo("RUNNING");
    assertThat(row.path("node").asText()).isEqualTo("node-a");
    assertThat(row.has("error")).isTrue();
    assertThat(row.path("progress").has("value")).isTrue();

    assertThat(ids(ok(root.get("operations/_admin/operations?owner=bob"))))
        .containsExactly(started.get(3), started.get(1));
    assertThat(ids(ok(root.get("operations/_admin/operations?state=RUNNING&state=QUEUED"))))
        .containsExactly(export);
    assertThat(ids(ok(root.get("operations/_admin/operations?state=SUCCEEDED&type=answer"))))
        .containsExactlyElementsOf(reversed(started.subList(0, 5)));
    assertThat(ids(ok(root.get("operations/_admin/operations?node=node-a&type=answer"))))
        .hasSize(5);
    assertThat(ids(ok(root.get("operations/_admin/operations?node=node-b")))).isEmpty();
    String from = encode(before.plusSeconds(20).toString());
    String to = encode(before.plusSeconds(40).toString());
    assertThat(ids(ok(root.get("operations/_admin/operations?from=" + from + "&to=" + to))))
        .containsExactly(started.get(2), started.get(1));
    assertThat(ids(ok(root.get("operations/_admin/operations?id=" + export.substring(0, 12)))))
        .containsExactly(export);
    harness.gate.open(10);
  }

  @Test
  void bad_list_parameters_are_400_problems_naming_the_parameter() {
    for (String[] bad :
        new String[][] {
          {"state=running", "state"},
          {"limit=0", "limit"},
          {"limit=501", "limit"},
          {"limit=ten", "limit"},
          {"from=yesterday", "from"},
          {"to=2026-13-01T00:00:00Z", "to"},
          {"id=" + encode("a/b"), "id"},
          {"id=" + "a".repeat(23), "id"},
          {"cursor=not-a-cursor", "cursor"},
        }) {
      HttpResponse<String> response = root.get("operations/_admin/operations?" + bad[0]);
      assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
      JsonNode problem = Http.json(response.body());
      assertThat(problem.path("type").asText()).isEqualTo(Http.PROBLEMS + "invalid-request");
      assertThat(problem.path("field").asText()).as(bad[0]).isEqualTo(bad[1]);
    }
  }

  @Test
  void summary_counts_types_states_nodes_queue_and_recent_failures() throws Exception {
    Browser alice = new Browser(server, "alice", null);
    start(alice, "csv-export", "{\"rows\": 3}");
    harness.gate.awaitArrivals(1);
    String failed = start(alice, "boom", "{}");
    harness.fixture.awaitState(OperationId.of(failed), OperationState.FAILED);
    start(alice, "answer", "{}");

    JsonNode summary = ok(root.get("operations/_admin/summary"));

    JsonNode types = summary.path("types");
    assertThat(types.findValuesAsText("type")).containsExactly("answer", "boom", "csv-export");
    assertThat(types.get(1).path("counts").path("FAILED").asLong()).isEqualTo(1);
    assertThat(types.get(2).path("counts").path("RUNNING").asLong()).isEqualTo(1);
    assertThat(types.get(2).path("counts").path("QUEUED").asLong()).isZero();
    assertThat(summary.path("nodes").get(0).path("node").asText()).isEqualTo("node-a");
    assertThat(summary.path("nodes").get(0).path("running").asLong()).isEqualTo(1);
    assertThat(summary.path("queued").asLong()).isZero();
    assertThat(summary.path("failedLastHour").asLong()).isEqualTo(1);
    assertThat(summary.path("oldestQueued").isNull()).isTrue();
    harness.gate.open(10);
  }

  @Test
  void detail_shows_the_failure_cause_that_the_user_never_sees() {
    Browser alice = new Browser(server, "alice", null);
    String id = start(alice, "boom", "{\"why\": \"test\"}");
    harness.fixture.awaitState(OperationId.of(id), OperationState.FAILED);

    JsonNode detail = ok(root.get("operations/_admin/operations/" + id));

    assertThat(detail.path("error").asText()).isEqualTo("kaboom");
    assertThat(detail.path("cause").asText())
        .startsWith("java.lang.IllegalStateException: kaboom")
        .contains("\tat ");
    assertThat(detail.path("owner").asText()).isEqualTo("alice");
    assertThat(detail.path("epoch").asLong()).isEqualTo(1);
    assertThat(detail.path("result").isNull()).isTrue();
    String status = alice.get("operations/boom/" + id).body();
    assertThat(status)
        .contains("kaboom")
        .doesNotContain("IllegalStateException")
        .doesNotContain("\\tat ");

    HttpResponse<String> unknown = root.get("operations/_admin/operations/" + OperationId.random());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Http.json(unknown.body()).path("type").asText())
        .isEqualTo(Http.PROBLEMS + "operation-not-found");
  }

  @Test
  void list_and_detail_show_texts_and_failures_in_the_viewers_language() throws Exception {
    Browser alice = new Browser(server, "alice", null);
    String id = start(alice, "spoken-flight", "{\"lost\": true}");
    harness.gate.awaitArrivals(1);
    harness.gate.open(1);
    harness.fixture.awaitState(OperationId.of(id), OperationState.FAILED);
    String path = "operations/_admin/operations/" + id;

    HttpResponse<String> english = root.send(root.request(path).header("Accept-Language", "en"));
    HttpResponse<String> russian = root.send(root.request(path).header("Accept-Language", "ru"));

    JsonNode detail = ok(english);
    assertThat(detail.path("error").asText()).isEqualTo("Contact lost at 40%");
    assertThat(detail.path("cause").asText())
        .startsWith("io.github.asyncops.core.spi.OperationFailedException: flight.lost")
        .contains("no telemetry");
    assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
    JsonNode russianDetail = ok(russian);
    assertThat(russianDetail.path("error").asText()).isEqualTo("Связь потеряна на 40%");
    assertThat(russian.headers().firstValue("Content-Language")).hasValue("ru");
    assertThat(detail.path("progress").path("text").asText())
        .isNotBlank()
        .isNotEqualTo(russianDetail.path("progress").path("text").asText());

    String list = "operations/_admin/operations?type=spoken-flight";
    JsonNode englishRow =
        ok(root.send(root.request(list).header("Accept-Language", "en"))).path("items").get(0);
    JsonNode russianRow =
        ok(root.send(root.request(list).header("Accept-Language", "ru"))).path("items").get(0);
    assertThat(englishRow.path("error").asText()).isEqualTo("Contact lost at 40%");
    assertThat(englishRow.path("progress")).isEqualTo(detail.path("progress"));
    assertThat(russianRow.path("error").asText()).isEqualTo("Связь потеряна на 40%");
    assertThat(russianRow.path("progress")).isEqualTo(russianDetail.path("progress"));
  }

  @Test
  void detail_shows_parameters_and_the_result_kind() throws Exception {
    Browser alice = new Browser(server, "alice", null);
    String id = start(alice, "csv-export", "{\"rows\": 2}");
    harness.gate.awaitArrivals(1);

    JsonNode running = ok(root.get("operations/_admin/operations/" + id));
    assertThat(running.path("parameters").path("rows").asInt()).isEqualTo(2);
    assertThat(running.path("slot").isNull()).isFalse();

    harness.gate.open(10);
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);
    JsonNode done = ok(root.get("operations/_admin/operations/" + id));
    assertThat(done.path("result").path("kind").asText()).isEqualTo("download");
    assertThat(done.path("result").path("mediaType").asText()).startsWith("text/csv");
    assertThat(done.path("cause").isNull()).isTrue();
  }

  @Test
  void an_admin_stops_and_deletes_another_users_operation_and_both_are_logged() throws Exception {
    Browser alice = new Browser(server, "alice", null);
    String id = start(alice, "csv-export", "{\"rows\": 3}");
    harness.gate.awaitArrivals(1);

    HttpResponse<String> stop = root.post("operations/_admin/operations/" + id + "/stop", "");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
    assertThat(Http.json(stop.body()).path("stopRequested").asBoolean()).isTrue();
    harness.fixture.awaitState(OperationId.of(id), OperationState.STOPPED);

    HttpResponse<String> again = root.post("operations/_admin/operations/" + id + "/stop", "");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Http.json(again.body()).path("type").asText())
        .isEqualTo(Http.PROBLEMS + "operation-ended");

    HttpResponse<String> delete =
        root.send(root.request("operations/_admin/operations/" + id).DELETE());
    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(root.get("operations/_admin/operations/" + id).statusCode()).isEqualTo(404);
    assertThat(alice.get("operations/csv-export/" + id).statusCode()).isEqualTo(410);

    synchronized (logged) {
      assertThat(logged)
          .extracting(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
          .anySatisfy(m -> assertThat(m).startsWith("root stopped operation " + id))
          .anySatisfy(m -> assertThat(m).startsWith("root deleted operation " + id));
    }
  }

  @Test
  void delete_of_an_active_operation_is_a_409_and_unknown_ids_404() throws Exception {
    String id = start(new Browser(server, "alice", null), "csv-export", "{\"rows\": 3}");
    harness.gate.awaitArrivals(1);

    HttpResponse<String> delete =
        root.send(root.request("operations/_admin/operations/" + id).DELETE());
    assertThat(delete.statusCode()).isEqualTo(409);
    assertThat(Http.json(delete.body()).path("type").asText())
        .isEqualTo(Http.PROBLEMS + "operation-active");
    String unknown = "operations/_admin/operations/" + OperationId.random();
    assertThat(root.post(unknown + "/stop", "").statusCode()).isEqualTo(404);
    assertThat(root.send(root.request(unknown).DELETE()).statusCode()).isEqualTo(404);
    harness.gate.open(10);
  }

  @Test
  void a_stop_reaches_an_operation_that_runs_on_another_node() throws Exception {
    try (EngineFixture other =
        new EngineFixture(
            engine -> engine.nodeId("node-b").store(harness.fixture.store),
            TestProvider.of(
                "remote",
                p ->
                    context -> {
                      remoteGate.pass(context);
                      return io.github.asyncops.core.OperationResult.none();
                    }))) {
      OperationEngine nodeB = other.engine;
      OperationId id = nodeB.start(StartRequest.of("remote").withOwner("carol")).operation().id();
      remoteGate.awaitArrivals(1);
      JsonNode row = ok(root.get("operations/_admin/operations?node=node-b")).path("items").get(0);
      assertThat(row.path("id").asText()).isEqualTo(id.value());

      HttpResponse<String> stop = root.post("operations/_admin/operations/" + id + "/stop", "");

      assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
      assertThat(Http.json(stop.body()).path("state").asText()).isEqualTo("STOPPING");
      other.tick();
      other.awaitState(id, OperationState.STOPPED);
      assertThat(ok(root.get("operations/_admin/operations/" + id)).path("state").asText())
          .isEqualTo("STOPPED");
    }
  }

  @Test
  void the_event_stream_sends_the_summary_at_once_then_progress_and_changes() throws Exception {
    try (EventReader events = root.events("operations/_admin/events", null)) {
      assertThat(events.response.statusCode()).isEqualTo(200);
      EventReader.Event first = events.next();
      assertThat(first.name()).isEqualTo("summary");
      assertThat(first.json().path("types").size()).isZero();

      String id = start(new Browser(server, "alice", null), "missile-launch", "{}");
      harness.gate.awaitArrivals(1);
      harness.gate.open(1);
      harness.fixture.until(OperationId.of(id), s -> s.value() > 0);
      harness.fixture.tick();

      boolean sawProgress = false;
      boolean sawRunningSummary = false;
      while (!(sawProgress && sawRunningSummary)) {
        EventReader.Event event = events.next();
        assertThat(event).isNotEqualTo(EventReader.END);
        if (event.name().equals("progress")) {
          assertThat(event.json().path("id").asText()).isEqualTo(id);
          sawProgress |= event.json().path("progress").path("value").asDouble() > 0;
        } else {
          assertThat(event.name()).isEqualTo("summary");
          sawRunningSummary |= event.json().path("nodes").size() == 1;
        }
      }
      harness.gate.open(10);
    }
  }

  @Test
  void a_head_of_the_event_stream_answers_at_once() {
    HttpResponse<String> head =
        root.send(
            root.request("operations/_admin/events")
                .setHeader("Accept", "text/event-stream")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
  }

  @Test
  void only_admins_see_the_admin_paths_in_the_openapi_document() {
    JsonNode forAdmin = ok(root.get("operations/openapi.json"));
    JsonNode forUser = ok(new Browser(server, "alice", null).get("operations/openapi.json"));
    JsonNode forAnonymous = ok(new Browser(server).get("operations/openapi.json"));

    assertThat(forAdmin.path("paths").has("/_admin/operations")).isTrue();
    assertThat(forAdmin.path("components").path("schemas").has("Summary")).isTrue();
    for (JsonNode document : List.of(forUser, forAnonymous)) {
      assertThat(document.toString()).doesNotContain("_admin").doesNotContain("Summary");
    }
  }

  @Test
  void a_viewer_may_look_but_not_stop_or_delete() throws Exception {
    Browser viewer = new Browser(server, "eve", VIEWER);
    String id = start(new Browser(server, "alice", null), "csv-export", "{\"rows\": 3}");
    harness.gate.awaitArrivals(1);

    assertThat(ids(ok(viewer.get("operations/_admin/operations")))).containsExactly(id);
    ok(viewer.get("operations/_admin/summary"));
    ok(viewer.get("operations/_admin/operations/" + id));
    for (HttpResponse<String> write :
        List.of(
            viewer.post("operations/_admin/operations/" + id + "/stop", ""),
            viewer.send(viewer.request("operations/_admin/operations/" + id).DELETE()))) {
      assertThat(write.statusCode()).isEqualTo(403);
      assertThat(Http.json(write.body()).path("type").asText())
          .isEqualTo(Http.PROBLEMS + "forbidden");
    }
    assertThat(harness.engine.status(OperationId.of(id)).state()).isEqualTo(OperationState.RUNNING);
    harness.gate.open(10);
  }

  @Test
  void an_admin_write_without_the_csrf_header_is_refused() throws Exception {
    String id = start(new Browser(server, "alice", null), "csv-export", "{\"rows\": 3}");
    harness.gate.awaitArrivals(1);
    HttpRequest.Builder bare =
        HttpRequest.newBuilder(server.uri("operations/_admin/operations/" + id + "/stop"))
            .headers(TestPrincipals.USER, "root", TestPrincipals.ROLES, ADMIN)
            .POST(HttpRequest.BodyPublishers.noBody());

    HttpResponse<String> refused = root.send(bare);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Http.json(refused.body()).path("type").asText())
        .isEqualTo(Http.PROBLEMS + "cross-site-request");
    assertThat(harness.engine.status(OperationId.of(id)).state()).isEqualTo(OperationState.RUNNING);
    harness.gate.open(10);
  }

  @Test
  void every_admin_path_is_an_unknown_path_for_users_and_anonymous_callers() {
    String id = start(new Browser(server, "alice", null), "answer", "{}");
    Browser anonymous = new Browser(server);
    Browser alice = new Browser(server, "alice", null);
    Browser mallory = new Browser(server, "mallory", "admin,viewer,asyncops-admins");
    String unknownPath = anonymous.get("operations/answer/" + id + "/nothing/here").body();
    Set<String> bodies = new HashSet<>();
    for (Browser caller : List.of(anonymous, alice, mallory)) {
      for (String[] request : AdminPaths.requests(id)) {
        HttpResponse<String> response =
            caller.send(
                caller
                    .request(request[1])
                    .header("Content-Type", "application/json")
                    .method(request[0], HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(response.statusCode()).as(request[0] + " " + request[1]).isEqualTo(404);
        assertThat(response.headers().firstValue("Allow")).isEmpty();
        if (!request[0].equals("HEAD")) {
          bodies.add(response.body());
        }
      }
    }
    assertThat(bodies).containsExactly(unknownPath);
  }
}
