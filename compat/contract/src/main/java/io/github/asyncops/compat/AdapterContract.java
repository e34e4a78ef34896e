package io.github.asyncops.compat;

import static io.github.asyncops.compat.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract of the adapter, as the widget and curl users rely on it, run against one
 * runtime: a subclass starts the runtime with {@link Flight}, {@link Export} and {@link
 * LostContact} and says where the adapter's base is. Covers start, join, status, ETag and 304,
 * stop, the download, events to the end, texts and errors in each viewer's language, problem+json
 * errors, ownership between two cookie holders, the CSRF refusal and the operator console's API
 * hidden from a caller without an admin role; the adapter's own tests cover every other detail on
 * Jersey.
 */
public abstract class AdapterContract {
  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final String PROBLEMS = Problems.TYPES;

  /** For subclasses. */
  protected AdapterContract() {}

  /**
   * Where the adapter answers on the runtime under test.
   *
   * @return the base URI, for example {@code http://localhost:PORT/api/operations}
   */
  protected abstract URI base();

  /**
   * Whether the runtime runs response filters on an event stream, which then says its language.
   * Quarkus REST does not; its subclass says so, and the test notices if that ever changes.
   *
   * @return true unless overridden
   */
  protected boolean filtersStreams() {
    return true;
  }

  private Browser browser() {
    return new Browser(base());
  }

  @AfterEach
  void land_every_flight() {
    Browser browser = browser();
    for (JsonNode flight : Browser.json(browser.get("flight?active=true").body())) {
      stop(browser, flight.path("id").asText());
    }
    await()
        .atMost(DEADLINE)
        .until(() -> Browser.json(browser.get("flight?active=true").body()).isEmpty());
  }

  @Test
  void the_contract_types_are_listed() {
    HttpResponse<String> response = browser().get("");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(Browser.json(response.body()).findValuesAsText("name"))
        .contains(Flight.NAME, Export.NAME);
  }

  @Test
  void a_start_answers_202_with_the_status_and_its_location() {
    HttpResponse<String> response = browser().postJson("flight", "{}");

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode status = Browser.json(response.body());
    String id = status.path("id").asText();
    assertThat(status.path("type").asText()).isEqualTo(Flight.NAME);
    assertThat(status.path("active").asBoolean()).isTrue();
    assertThat(status.path("links").path("self").asText()).endsWith("/flight/" + id);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(
            location -> assertThat(location).startsWith("http").endsWith("/flight/" + id));
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void a_second_start_from_another_browser_joins_the_flight() {
    String id = start(browser());
    Browser other = browser();

    HttpResponse<String> joined =
        other.send(
            other
                .request("flight")
                .header("X-Requested-With", "contract")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(joined.statusCode()).isEqualTo(200);
    assertThat(Browser.json(joined.body()).path("id").asText()).isEqualTo(id);
  }

  @Test
  void a_status_has_an_etag_and_answers_304_while_unchanged() {
    Browser browser = browser();
    String id = start(browser);
    stop(browser, id);
    await().atMost(DEADLINE).until(() -> state(browser, "flight/" + id).equals("STOPPED"));

    HttpResponse<String> status = browser.get("flight/" + id);
    String etag = status.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        browser.send(browser.request("flight/" + id).header("If-None-Match", etag).GET());

    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(again.headers().firstValue("ETag")).hasValue(etag);
  }

  @Test
  void each_language_gets_its_text_content_language_vary_and_its_own_304_in_statuses_and_events() {
    Browser browser = browser();
    String id = start(browser);
    stop(browser, id);
    await().atMost(DEADLINE).until(() -> state(browser, "flight/" + id).equals("STOPPED"));

    HttpResponse<String> russian = inLanguage(browser, "flight/" + id, "ru-RU,ru;q=0.9", null);
    HttpResponse<String> english = inLanguage(browser, "flight/" + id, "en-US,en;q=0.9", null);
    String englishTag = english.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> englishAgain = inLanguage(browser, "flight/" + id, "en-US", englishTag);
    HttpResponse<String> russianWithEnglishTag =
        inLanguage(browser, "flight/" + id, "ru", englishTag);

    assertThat(Browser.json(russian.body()).path("text").asText()).isEqualTo(Flight.STOPPING_RU);
    assertThat(russian.headers().firstValue("Content-Language")).hasValue("ru");
    assertThat(Browser.json(english.body()).path("text").asText()).isEqualTo(Flight.STOPPING);
    assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
    for (HttpResponse<String> response : List.of(russian, english, englishAgain)) {
      assertThat(String.join(",", response.headers().allValues("Vary")))
          .containsIgnoringCase("Accept-Language");
    }
    assertThat(russian.headers().firstValue("ETag"))
        .isNotEqualTo(english.headers().firstValue("ETag"));
    assertThat(englishAgain.statusCode()).isEqualTo(304);
    assertThat(englishAgain.headers().firstValue("Content-Language")).hasValue("en");
    assertThat(russianWithEnglishTag.statusCode()).isEqualTo(200);
    assertThat(Browser.json(russianWithEnglishTag.body()).path("text").asText())
        .isEqualTo(Flight.STOPPING_RU);

    HttpResponse<String> events =
        browser.send(
            browser
                .request("flight/" + id + "/events")
                .header("Accept", "text/event-stream")
                .header("Accept-Language", "en-US,en;q=0.9")
                .GET());
    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(events.body()).contains(Flight.STOPPING);
    if (filtersStreams()) {
      assertThat(events.headers().firstValue("Content-Language")).hasValue("en");
      assertThat(String.join(",", events.headers().allValues("Vary")))
          .containsIgnoringCase("Accept-Language");
    } else {
      assertThat(events.headers().firstValue("Content-Language")).isEmpty();
    }
  }

  @Test
  void a_worker_that_fails_with_a_message_shows_each_viewer_the_error_in_their_language() {
    Browser browser = browser();
    HttpResponse<String> started = browser.postJson(LostContact.NAME, "{}");
    assertThat(started.statusCode()).isIn(200, 202);
    String id = Browser.json(started.body()).path("id").asText();
    String path = LostContact.NAME + "/" + id;
    await().atMost(DEADLINE).until(() -> state(browser, path).equals("FAILED"));

    JsonNode russian = Browser.json(inLanguage(browser, path, "ru-RU,ru;q=0.9", null).body());
    JsonNode english = Browser.json(inLanguage(browser, path, "en-US,en;q=0.9", null).body());

    assertThat(russian.path("error").asText()).isEqualTo(LostContact.ERROR_RU);
    assertThat(english.path("error").asText()).isEqualTo(LostContact.ERROR);
    assertThat(english.toString()).doesNotContain("telemetry", "IllegalStateException");
  }

  private static HttpResponse<String> inLanguage(
      Browser browser, String path, String acceptLanguage, String ifNoneMatch) {
    HttpRequest.Builder request = browser.request(path).header("Accept-Language", acceptLanguage);
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return browser.send(request.GET());
  }

  @Test
  void a_stop_ends_the_flight_stopped_and_may_be_repeated() {
    Browser browser = browser();
    String id = start(browser);

    HttpResponse<String> stopped = stop(browser, id);

    assertThat(stopped.statusCode()).isEqualTo(200);
    JsonNode status = Browser.json(stopped.body());
    assertThat(status.path("stopRequested").asBoolean()).isTrue();
    assertThat(status.path("state").asText()).isIn("STOPPING", "STOPPED");
    await().atMost(DEADLINE).until(() -> state(browser, "flight/" + id).equals("STOPPED"));
    assertThat(stop(browser, id).statusCode()).isEqualTo(200);
  }

  @Test
  void an_ended_export_downloads_its_file() {
    Browser browser = browser();
    String id =
        Browser.json(browser.postJson("export", "{\"rows\": 3}").body()).path("id").asText();
    await().atMost(DEADLINE).until(() -> state(browser, "export/" + id).equals("SUCCEEDED"));

    HttpResponse<String> result = browser.get("export/" + id + "/result");

    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(result.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            disposition ->
                assertThat(disposition).startsWith("attachment").contains(Export.FILE_NAME));
    assertThat(result.body()).isEqualTo(Export.csv(3));
  }

  @Test
  void events_follow_the_flight_to_its_end_and_the_stream_closes() throws Exception {
    Browser browser = browser();
    String id = start(browser);
    List<JsonNode> events = new CopyOnWriteArrayList<>();

    HttpResponse<Stream<String>> stream =
        browser
            .lines(
                browser.request("flight/" + id + "/events").header("Accept", "text/event-stream"))
            .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    CompletableFuture<Void> read =
        CompletableFuture.runAsync(
            () ->
                stream
                    .body()
                    .filter(line -> line.startsWith("data:"))
                    .forEach(line -> events.add(Browser.json(line.substring(5).trim()))));
    await().atMost(DEADLINE).until(() -> !events.isEmpty());
    stop(browser, id);
    read.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    assertThat(events.get(0).path("id").asText()).isEqualTo(id);
    assertThat(events.get(events.size() - 1).path("state").asText()).isEqualTo("STOPPED");
  }

  @Test
  void errors_are_problem_json_without_java_names() {
    Browser browser = browser();

    problem(browser.get("launch-rocket"), 404, PROBLEMS + "unknown-type");
    problem(browser.get("flight/AAAAAAAAAAAAAAAAAAAAAA"), 404, PROBLEMS + "operation-not-found");
    problem(browser.get("flight/a/b/c/d"), 404, "about:blank");
    problem(browser.get("flight/AAAAAAAAAAAAAAAAAAAAAA/nothing"), 404, "about:blank");
    problem(
        browser.send(
            browser
                .request("flight/AAAAAAAAAAAAAAAAAAAAAA/events")
                .header("Accept", "text/event-stream")),
        404,
        PROBLEMS + "operation-not-found");
    problem(browser.postJson("flight/a/b/c", "{}"), 404, "about:blank");
    HttpResponse<String> wrongMethod = browser.get("flight/AAAAAAAAAAAAAAAAAAAAAA/stop");
    problem(wrongMethod, 405, "about:blank");
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("OPTIONS, POST");
    HttpResponse<String> put =
        browser.send(
            browser
                .request("flight")
                .header("Content-Type", "application/json")
                .header("X-Requested-With", "contract")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
    problem(put, 405, "about:blank");
    assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD, OPTIONS, POST");
    HttpResponse<String> invalid = browser.postJson("export", "{\"rows\": 0}");
    problem(invalid, 400, PROBLEMS + "invalid-parameters");
    assertThat(Browser.json(invalid.body()).path("field").asText()).isEqualTo("rows");
    problem(browser.postJson("export", "{\"rows\": "), 400, PROBLEMS + "malformed-json");
    problem(
        browser.send(
            browser
                .request("export")
                .header("Content-Type", "text/plain")
                .header("X-Requested-With", "contract")
                .POST(HttpRequest.BodyPublishers.ofString("rows=3"))),
        415,
        "about:blank");
  }

  @Test
  void an_export_is_seen_only_by_the_browser_that_started_it() {
    Browser alice = browser();
    Browser bob = browser();
    String id = Browser.json(alice.postJson("export", "{\"rows\": 2}").body()).path("id").asText();
    await().atMost(DEADLINE).until(() -> state(alice, "export/" + id).equals("SUCCEEDED"));

    assertThat(alice.get("export/" + id + "/result").statusCode()).isEqualTo(200);
    assertThat(Browser.json(alice.get("export").body()).findValuesAsText("id")).contains(id);
    problem(bob.get("export/" + id), 404, PROBLEMS + "operation-not-found");
    problem(bob.get("export/" + id + "/result"), 404, PROBLEMS + "operation-not-found");
    problem(bob.postJson("export/" + id + "/stop", "{}"), 404, PROBLEMS + "operation-not-found");
    assertThat(Browser.json(bob.get("export").body()).findValuesAsText("id")).doesNotContain(id);
  }

  @Test
  void a_form_post_from_another_site_is_refused_and_starts_nothing() {
    Browser browser = browser();

    HttpResponse<String> refused =
        browser.send(
            browser
                .request("flight")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("launch=1")));

    problem(refused, 403, PROBLEMS + "cross-site-request");
    assertThat(Browser.json(browser.get("flight?active=true").body())).isEmpty();
  }

  @Test
  void the_admin_api_is_an_unknown_path_to_a_caller_without_an_admin_role() {
    Browser browser = browser();
    String id = start(browser);
    String unknownPath = browser.get("flight/" + id + "/nothing/here").body();
    List<String> paths =
        List.of(
            "_admin/operations",
            "_admin/operations?state=RUNNING",
            "_admin/summary",
            "_admin/events",
            "_admin/operations/" + id,
            "_admin/operations/" + id + "/stop");

    for (String path : paths) {
      for (String method : List.of("GET", "POST", "PUT", "DELETE", "OPTIONS")) {
        HttpResponse<String> response =
            browser.send(
                browser
                    .request(path)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
        problem(response, 404, "about:blank");
        assertThat(response.body()).as(method + " " + path).isEqualTo(unknownPath);
        assertThat(response.headers().firstValue("Allow")).as(method + " " + path).isEmpty();
      }
    }
    assertThat(browser.get("openapi.json").body()).doesNotContain("_admin");
    assertThat(state(browser, "flight/" + id)).isIn("QUEUED", "RUNNING");
  }

  private static String start(Browser browser) {
    HttpResponse<String> response = browser.postJson("flight", "{}");
    assertThat(response.statusCode()).isIn(200, 202);
    return Browser.json(response.body()).path("id").asText();
  }

  private static HttpResponse<String> stop(Browser browser, String id) {
    return browser.postJson("flight/" + id + "/stop", "{}");
  }

  private static String state(Browser browser, String path) {
    return Browser.json(browser.get(path).body()).path("state").asText();
  }
}
