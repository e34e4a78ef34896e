package io.github.asyncops.compat;

import static io.github.asyncops.compat.Problems.TYPES;
import static io.github.asyncops.compat.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The operator console's API ({@code {base}/_admin/...}) as an operator uses it on one runtime: the
 * list with filters and its cursor, the summary, an operation's detail, stop of a running
 * operation, delete of an ended one, the event stream's first {@code summary}, the CSRF refusal of
 * an admin write, and the unknown-path 404 that every other caller still gets. A subclass starts
 * the runtime with {@link Flight} and {@link Export} and a way to sign in an admin (the
 * compatibility applications use the test-only {@code FixtureAdmin}). {@link AdapterContract}
 * checks the hiding from anonymous callers; the adapter's own {@code AdminIT} covers every other
 * detail on Jersey.
 */
public abstract class AdminContract {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final String NO_SUCH_ID = "AAAAAAAAAAAAAAAAAAAAAA";
  private static final List<String> STATES =
      List.of("QUEUED", "RUNNING", "STOPPING", "SUCCEEDED", "FAILED", "STOPPED");

  /** For subclasses. */
  protected AdminContract() {}

  /**
   * Where the adapter answers on the runtime under test.
   *
   * @return the base URI, for example {@code http://localhost:PORT/api/operations}
   */
  protected abstract URI base();

  /**
   * The {@code Authorization} header that signs a request in as an admin with write access on the
   * runtime under test.
   *
   * @return the header's value, for example {@code FixtureAdmin.AUTHORIZATION}
   */
  protected abstract String adminAuthorization();

  private Browser admin() {
    return Browser.signedIn(base(), adminAuthorization());
  }

  private Browser anonymous() {
    return new Browser(base());
  }

  @AfterEach
  void land_every_flight() {
    Browser browser = anonymous();
    for (JsonNode flight : Browser.json(browser.get("flight?active=true").body())) {
      browser.postJson("flight/" + flight.path("id").asText() + "/stop", "{}");
    }
    await()
        .atMost(DEADLINE)
        .until(() -> Browser.json(browser.get("flight?active=true").body()).isEmpty());
  }

  @Test
  void the_list_shows_every_callers_operations_filtered_newest_first_and_paged_by_its_cursor() {
    Browser admin = admin();
    Browser alice = anonymous();
    String first = export(alice, 1);
    String second = export(alice, 2);
    String bobs = export(anonymous(), 3);

    JsonNode row = onlyRow(admin, "id=" + first);
    assertThat(row.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "id",
            "type",
            "state",
            "owner",
            "node",
            "progress",
            "stopRequested",
            "createdAt",
            "startedAt",
            "finishedAt",
            "error");
    assertThat(row.path("type").asText()).isEqualTo(Export.NAME);
    assertThat(row.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(row.path("owner").asText()).startsWith("anonymous:");
    assertThat(row.path("node").asText()).isNotBlank();
    assertThat(row.path("progress").path("value").asDouble()).isEqualTo(1.0);
    assertThat(row.path("finishedAt").isTextual()).isTrue();
    assertThat(row.path("error").isNull()).isTrue();
    String owner = encode(row.path("owner").asText());
    assertThat(onlyRow(admin, "id=" + bobs).path("owner").asText())
        .isNotEqualTo(row.path("owner").asText());

    JsonNode page = ok(admin.get("_admin/operations?type=export&owner=" + owner + "&limit=1"));
    assertThat(ids(page)).containsExactly(second);
    JsonNode next =
        ok(
            admin.get(
                "_admin/operations?type=export&owner="
                    + owner
                    + "&limit=1&cursor="
                    + encode(page.path("next").asText())));
    assertThat(ids(next)).containsExactly(first);
    assertThat(next.path("next").isNull()).isTrue();
    assertThat(ids(ok(admin.get("_admin/operations?state=SUCCEEDED&owner=" + owner))))
        .containsExactly(second, first);
    assertThat(ids(ok(admin.get("_admin/operations?state=QUEUED&state=RUNNING&owner=" + owner))))
        .isEmpty();

    HttpResponse<String> bad = admin.get("_admin/operations?state=running");
    problem(bad, 400, TYPES + "invalid-request");
    assertThat(Browser.json(bad.body()).path("field").asText()).isEqualTo("state");
  }

  @Test
  void the_summary_counts_a_running_flight_by_type_state_and_node() {
    String id = start(anonymous());
    await().atMost(DEADLINE).until(() -> userState(anonymous(), "flight/" + id).equals("RUNNING"));
    Browser admin = admin();
    String node = onlyRow(admin, "id=" + id).path("node").asText();

    JsonNode summary = ok(admin.get("_admin/summary"));

    JsonNode flights = null;
    for (JsonNode type : summary.path("types")) {
      if (type.path("type").asText().equals(Flight.NAME)) {
        flights = type.path("counts");
      }
    }
    assertThat(flights).as(summary.toString()).isNotNull();
    assertThat(flights.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(STATES);
    assertThat(flights.path("RUNNING").asLong()).isEqualTo(1);
    JsonNode running = null;
    for (JsonNode each : summary.path("nodes")) {
      if (each.path("node").asText().equals(node)) {
        running = each;
      }
    }
    assertThat(running).as(summary.toString()).isNotNull();
    assertThat(running.path("running").asLong()).isPositive();
    assertThat(Instant.parse(running.path("lastSeen").asText())).isNotNull();
    assertThat(summary.path("queued").isIntegralNumber()).isTrue();
    assertThat(summary.path("failedLastHour").isIntegralNumber()).isTrue();
    assertThat(summary.has("oldestQueued")).isTrue();
    assertThat(Instant.parse(summary.path("at").asText())).isNotNull();
  }

  @Test
  void the_detail_shows_an_ended_exports_download_and_a_running_flight_and_404s_unknown_ids() {
    Browser admin = admin();
    String export = export(anonymous(), 2);
    String flight = start(anonymous());

    JsonNode ended = ok(admin.get("_admin/operations/" + export));
    JsonNode running = ok(admin.get("_admin/operations/" + flight));

    assertThat(ended.path("id").asText()).isEqualTo(export);
    assertThat(ended.path("state").asText()).isEqualTo("SUCCEEDED");
    JsonNode result = ended.path("result");
    assertThat(result.path("kind").asText()).isEqualTo("download");
    assertThat(result.path("mediaType").asText()).startsWith("text/csv");
    assertThat(result.path("fileName").asText()).isEqualTo(Export.FILE_NAME);
    assertThat(result.path("length").asLong()).isEqualTo(Export.csv(2).length());
    assertThat(ended.path("cause").isNull()).isTrue();
    assertThat(ended.has("parameters")).isTrue(); // dropped when an operation ends: null
    assertThat(ended.has("key")).isTrue();
    assertThat(ended.has("slot")).isTrue();
    assertThat(ended.path("epoch").isIntegralNumber()).isTrue();
    assertThat(running.path("type").asText()).isEqualTo(Flight.NAME);
    assertThat(running.path("state").asText()).isIn("QUEUED", "RUNNING");
    assertThat(running.path("result").isNull()).isTrue();
    assertThat(running.path("owner").asText()).startsWith("anonymous:");
    problem(admin.get("_admin/operations/" + NO_SUCH_ID), 404, TYPES + "operation-not-found");
  }

  @Test
  void an_admin_stops_another_callers_running_flight_once() {
    Browser pilot = anonymous();
    String id = start(pilot);
    Browser admin = admin();

    HttpResponse<String> stop = write(admin, "POST", "_admin/operations/" + id + "/stop");

    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
    JsonNode row = Browser.json(stop.body());
    assertThat(row.path("id").asText()).isEqualTo(id);
    assertThat(row.path("stopRequested").asBoolean()).isTrue();
    assertThat(row.path("state").asText()).isIn("STOPPING", "STOPPED");
    await().atMost(DEADLINE).until(() -> userState(pilot, "flight/" + id).equals("STOPPED"));
    problem(
        write(admin, "POST", "_admin/operations/" + id + "/stop"), 409, TYPES + "operation-ended");
    problem(
        write(admin, "POST", "_admin/operations/" + NO_SUCH_ID + "/stop"),
        404,
        TYPES + "operation-not-found");
  }

  @Test
  void an_admin_deletes_an_ended_operation_but_not_an_active_one() {
    Browser alice = anonymous();
    String export = export(alice, 1);
    String flight = start(anonymous());
    Browser admin = admin();

    HttpResponse<String> deleted = write(admin, "DELETE", "_admin/operations/" + export);

    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    problem(admin.get("_admin/operations/" + export), 404, TYPES + "operation-not-found");
    problem(alice.get("export/" + export), 410, TYPES + "operation-gone");
    problem(write(admin, "DELETE", "_admin/operations/" + flight), 409, TYPES + "operation-active");
    assertThat(userState(alice, "flight/" + flight)).isIn("QUEUED", "RUNNING");
  }

  @Test
  void the_event_stream_opens_with_the_summary() throws Exception {
    Browser admin = admin();
    HttpResponse<Stream<String>> stream =
        admin
            .lines(admin.request("_admin/events").header("Accept", "text/event-stream"))
            .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    try (Stream<String> lines = stream.body()) {
      assertThat(stream.statusCode()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

      String[] event =
          CompletableFuture.supplyAsync(() -> firstEvent(lines.iterator()))
              .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

      assertThat(event[0]).isEqualTo("summary");
      JsonNode summary = Browser.json(event[1]);
      assertThat(summary.path("types").isArray()).isTrue();
      assertThat(summary.path("nodes").isArray()).isTrue();
      assertThat(Instant.parse(summary.path("at").asText())).isNotNull();
    }
  }

  @Test
  void an_admin_write_without_the_scripts_header_is_refused_as_cross_site() {
    Browser pilot = anonymous();
    String flight = start(pilot);
    String export = export(pilot, 1);
    Browser admin = admin();

    problem(
        admin.send(
            admin
                .request("_admin/operations/" + flight + "/stop")
                .POST(HttpRequest.BodyPublishers.noBody())),
        403,
        TYPES + "cross-site-request");
    problem(
        admin.send(admin.request("_admin/operations/" + export).DELETE()),
        403,
        TYPES + "cross-site-request");

    JsonNode status = Browser.json(pilot.get("flight/" + flight).body());
    assertThat(status.path("state").asText()).isIn("QUEUED", "RUNNING");
    assertThat(status.path("stopRequested").asBoolean()).isFalse();
    assertThat(ok(admin.get("_admin/operations/" + export)).path("id").asText()).isEqualTo(export);
  }

  @Test
  void a_caller_without_the_admin_role_still_gets_the_unknown_path_404() {
    String id = start(anonymous());
    Browser admin = admin();
    List<Browser> others =
        List.of(anonymous(), Browser.signedIn(base(), "Bearer not-the-admin-token"));
    String unknownPath = anonymous().get("flight/" + id + "/nothing/here").body();

    for (String path : List.of("_admin/operations", "_admin/summary", "_admin/operations/" + id)) {
      assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
      for (Browser other : others) {
        HttpResponse<String> hidden = other.get(path);
        problem(hidden, 404, "about:blank");
        assertThat(hidden.body()).as(path).isEqualTo(unknownPath);
      }
    }
    assertThat(ok(admin.get("openapi.json")).path("paths").has("/_admin/operations")).isTrue();
    for (Browser other : others) {
      assertThat(other.get("openapi.json").body()).doesNotContain("_admin");
    }
  }

  /** Reads lines up to the first event's end: its name and its data. */
  private static String[] firstEvent(Iterator<String> lines) {
    String name = "message";
    StringBuilder data = new StringBuilder();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.isEmpty() && data.length() > 0) {
        break;
      } else if (line.startsWith("event:")) {
        name = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).trim());
      }
    }
    return new String[] {name, data.toString()};
  }

  private static HttpResponse<String> write(Browser browser, String method, String path) {
    return browser.send(
        browser
            .request(path)
            .header("X-Requested-With", "contract")
            .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private static String start(Browser browser) {
    HttpResponse<String> response = browser.postJson("flight", "{}");
    assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
    return Browser.json(response.body()).path("id").asText();
  }

  /** Starts an export and waits until it ended. */
  private static String export(Browser browser, int rows) {
    HttpResponse<String> response = browser.postJson("export", "{\"rows\": " + rows + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    String id = Browser.json(response.body()).path("id").asText();
    await().atMost(DEADLINE).until(() -> userState(browser, "export/" + id).equals("SUCCEEDED"));
    return id;
  }

  private static String userState(Browser browser, String path) {
    return Browser.json(browser.get(path).body()).path("state").asText();
  }

  private static JsonNode onlyRow(Browser admin, String query) {
    JsonNode items = ok(admin.get("_admin/operations?" + query)).path("items");
    assertThat(items.size()).as(query).isEqualTo(1);
    return items.get(0);
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return Browser.json(response.body());
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
