package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two demo nodes on one PostgreSQL, as store-jdbc's README shows them: a flight started on node 2
 * runs there, and the bar on node 1 follows it to the end in a real browser; a web node starts and
 * stops a flight that a worker node runs; and a start retried through the other node with its
 * {@code Idempotency-Key}, as a load balancer may send it, answers with the same flight. Each run
 * gets a schema of its own, so runs never see each other's flights.
 */
final class DemoClusterIT {
  @TempDir Path downloads;
  private ClusterSchema schema;
  private DemoServer node1;
  private DemoServer node2;

  @BeforeEach
  void createSchema() throws SQLException {
    schema = ClusterSchema.create("demo");
  }

  @AfterEach
  void stop() throws SQLException {
    try {
      if (node1 != null) {
        node1.close();
      }
      if (node2 != null) {
        node2.close();
      }
    } finally {
      if (schema != null) {
        schema.close();
      }
    }
  }

  private DemoServer node(String name) {
    return DemoServer.start(
        schema.store(
            DemoOptions.defaults().withPort(0).withFlight(Duration.ofSeconds(6)).withNodeId(name)));
  }

  @Test
  void the_bar_on_node_1_follows_a_flight_that_runs_on_node_2() throws Exception {
    // The browser starts first: on a busy machine its start alone can outlast the short flight.
    try (Browser browser = new Browser(downloads)) {
      node2 = node("node-2");
      HttpResponse<String> started =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:"
                                  + node2.port()
                                  + "/api/operations/missile-launch"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      node1 = node("node-1");

      browser.open("http://localhost:" + node1.port() + "/");
      browser.until(d -> browser.text("flight").matches("Поехали!|Полет завершен на \\d+%"));
      browser.until(d -> "succeeded".equals(browser.state("flight")));
      assertThat(browser.text("flight")).isEqualTo("Кабуууум!");
      assertThat(browser.percent("flight")).isEqualTo("100%");
    }
  }

  @Test
  void a_web_node_without_workers_starts_and_stops_a_flight_that_a_worker_node_runs()
      throws Exception {
    node2 = node("worker");
    node1 = webNode();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .build();
    String base = "http://localhost:" + node1.port() + "/api/operations/missile-launch";

    HttpResponse<String> started = post(client, base);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(started.body());
    assertThat(id.find()).isTrue();
    String self = base + "/" + id.group(1);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> get(client, self),
            body -> body.contains("\"state\":\"RUNNING\"") && body.contains("\"node\":\"worker\""));

    HttpResponse<String> stopped = post(client, self + "/stop");
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    String end =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> get(client, self), body -> body.contains("\"state\":\"STOPPED\""));
    assertThat(end).contains("\"node\":\"worker\"", "\"stopRequested\":true");
  }

  @Test
  void a_start_retried_through_the_other_node_answers_with_the_same_flight() throws Exception {
    node2 = node("worker");
    node1 = webNode();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .build();
    String path = "/api/operations/missile-launch";
    String web = "http://localhost:" + node1.port() + path;
    String worker = "http://localhost:" + node2.port() + path;

    HttpResponse<String> started = post(client, web, "launch-1");
    HttpResponse<String> retried = post(client, worker, "launch-1");
    HttpResponse<String> other = post(client, worker + "?key=other", "launch-1");

    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    assertThat(idOf(retried)).isEqualTo(idOf(started));
    assertThat(retried.headers().firstValue("Location").map(l -> URI.create(l).getPath()))
        .isEqualTo(started.headers().firstValue("Location").map(l -> URI.create(l).getPath()));
    assertThat(other.statusCode()).as(other.body()).isEqualTo(422);
    assertThat(other.body()).contains("idempotency-key-reused");

    // Once the flight has ended, a plain start would launch another; the retry still replays it.
    String self = web + "/" + idOf(started);
    post(client, self + "/stop");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> get(client, self), body -> body.contains("\"state\":\"STOPPED\""));
    HttpResponse<String> late = post(client, worker, "launch-1");
    assertThat(late.statusCode()).as(late.body()).isEqualTo(200);
    assertThat(idOf(late)).isEqualTo(idOf(started));
    assertThat(get(client, web)).containsOnlyOnce("\"id\":");
  }

  private DemoServer webNode() {
    return DemoServer.start(
        schema.store(DemoOptions.defaults().withPort(0).withNodeId("web").withWorkers(false)));
  }

  private static String idOf(HttpResponse<String> response) {
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
    assertThat(id.find()).as(response.body()).isTrue();
    return id.group(1);
  }

  private static HttpResponse<String> post(HttpClient client, String url) throws Exception {
    return post(client, url, null);
  }

  private static HttpResponse<String> post(HttpClient client, String url, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String get(HttpClient client, String url) throws Exception {
    return client
        .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
