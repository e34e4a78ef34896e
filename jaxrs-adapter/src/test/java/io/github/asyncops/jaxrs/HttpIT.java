package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationState;
import java.io.ByteArrayInputStream;
import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract over real HTTP with the JDK client, as the widget uses it (links are relative to the
 * application path {@code /api}, hence the {@code substring(5)}): an operation's life with ETag
 * polls, cookies that keep two browsers apart, CSRF, {@code Prefer: wait}, and errors that are
 * problem+json and never a container page (including a chunked oversized body). Events are in
 * {@link EventsIT}.
 */
final class HttpIT {
  private final Harness harness = new Harness();
  private final Server server = new Server(harness.application(), harness::close);
  private final Browser browser = new Browser(server);

  @AfterEach
  void stop() {
    server.close();
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type) {
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = Http.json(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(problem.path("type").asText())
        .isEqualTo(type == null ? "about:blank" : Http.PROBLEMS + type);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
  }

  @Test
  void start_poll_with_etag_stop_and_read_the_status() throws Exception {
    HttpResponse<String> started = browser.post("operations/missile-launch", "{}");
    JsonNode status = Http.json(started.body());
    String self = status.path("links").path("self").asText();
    harness.gate.awaitArrivals(1);

    HttpResponse<String> poll = browser.get(self.substring(5));
    String etag = poll.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> unchanged =
        browser.send(browser.request(self.substring(5)).header("If-None-Match", etag).GET());
    HttpResponse<String> stopped =
        browser.post(status.path("links").path("stop").asText().substring(5), "{}");

    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(started.headers().firstValue("Location"))
        .hasValue(server.base.resolve(self).toString());
    assertThat(poll.statusCode()).isEqualTo(200);
    assertThat(poll.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(poll.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(Http.json(stopped.body()).path("stopRequested").asBoolean()).isTrue();
  }

  @Test
  void cookies_keep_two_browsers_apart() {
    Browser other = new Browser(server);
    HttpResponse<String> started = browser.post("operations/csv-export", "{\"rows\": 2}");
    String self = Http.json(started.body()).path("links").path("self").asText().substring(5);

    HttpCookie cookie = browser.cookies.getCookieStore().getCookies().get(0);
    assertThat(cookie.getName()).isEqualTo("asyncops-client");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(started.headers().firstValue("Set-Cookie").orElseThrow())
        .contains("HttpOnly", "SameSite=Strict", "Path=/")
        .doesNotContain("Secure");
    assertThat(browser.get(self).statusCode()).isEqualTo(200);
    assertProblem(other.get(self), 404, "operation-not-found");
    assertThat(Http.json(other.get("operations/csv-export").body())).isEmpty();
  }

  @Test
  void a_download_streams_with_its_length() {
    String id =
        Http.json(browser.post("operations/csv-export", "{\"rows\": 5}").body())
            .path("id")
            .asText();
    harness.gate.open(1);
    harness.fixture.awaitState(OperationId.of(id), OperationState.SUCCEEDED);

    HttpResponse<String> download = browser.get("operations/csv-export/" + id + "/result");

    byte[] csv = CsvExport.csv(5).getBytes(StandardCharsets.UTF_8);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("text/csv");
    assertThat(download.headers().firstValue("Content-Length"))
        .hasValue(String.valueOf(csv.length));
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"export.csv\"");
    assertThat(download.body()).isEqualTo(CsvExport.csv(5));
  }

  @Test
  void prefer_wait_answers_with_the_final_status() {
    HttpResponse<String> response =
        browser.send(
            browser
                .request("operations/answer")
                .header("Content-Type", "application/json")
                .header("Prefer", "wait=10")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Preference-Applied")).hasValue("wait=10");
    assertThat(Http.json(response.body()).path("state").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void a_simple_cross_site_post_is_refused() {
    HttpResponse<String> response =
        browser.send(
            HttpRequest.newBuilder(server.uri("operations/missile-launch"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

    assertProblem(response, 403, "cross-site-request");
    assertThat(harness.engine.list(OperationQuery.of("missile-launch"))).isEmpty();
  }

  @Test
  void errors_are_problems_and_never_container_pages() {
    byte[] big = ("{\"pad\": \"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> chunked =
        browser.send(
            browser
                .request("operations/csv-export")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

    assertProblem(chunked, 413, "body-too-large");
    assertProblem(browser.post("operations/csv-export", "{\"rows\":"), 400, "malformed-json");
    assertProblem(
        browser.post("operations/csv-export", "{\"rows\": -1}"), 400, "invalid-parameters");
    assertProblem(browser.post("operations/nope", "{}"), 404, "unknown-type");
    assertProblem(browser.get("operations/missile-launch/x/y/z"), 404, null);
    assertProblem(browser.send(browser.request("operations").DELETE()), 405, null);
    assertProblem(
        browser.send(
            browser
                .request("operations/csv-export")
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<rows/>"))),
        415,
        null);
  }
}
