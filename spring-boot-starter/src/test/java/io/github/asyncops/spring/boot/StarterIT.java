package io.github.asyncops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationType;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@link TestApplication}, which uses only the starter, on a random port: the HTTP contract (start,
 * status, stop, events, a value result), the OpenAPI document, Actuator health and metrics, and the
 * properties and worker beans that shaped the engine. A download through the starter is the
 * consumer stage's ({@code StarterContractIT} runs the HTTP contract's export). Graceful shutdown
 * is in {@link ShutdownIT}; the JDBC store in {@link JdbcStoreIT}; the Security principal in {@link
 * SecurityOwnerIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
final class StarterIT {
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired OperationEngine engine;
  @Autowired FlightProvider flight;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .connectTimeout(PATIENCE)
          .build();

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(PATIENCE)
        .header("Accept", "application/json");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json, String... headers) throws Exception {
    HttpRequest.Builder request =
        at(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  @Test
  void worker_beans_and_discovered_providers_make_the_engine_each_once() throws Exception {
    assertThat(engine.types())
        .extracting(OperationType::name)
        .containsExactly("discovered", "flight", "report");

    JsonNode types = JSON.readTree(send(at("/api/operations")).body());
    assertThat(types.findValuesAsText("name")).containsExactly("discovered", "flight", "report");
  }

  @Test
  void a_report_starts_ends_within_prefer_wait_and_returns_its_value() throws Exception {
    HttpResponse<String> started =
        post("/api/operations/report", "{\"pages\": 3}", "Prefer", "wait=5");

    assertThat(started.statusCode()).isEqualTo(200);
    JsonNode status = JSON.readTree(started.body());
    assertThat(status.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(status.path("resultAvailable").asBoolean()).isTrue();
    HttpResponse<String> result =
        send(at(status.path("links").path("result").asText()).header("Accept", "*/*"));
    assertThat(result.statusCode()).isEqualTo(200);
    assertThat(result.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(JSON.readTree(result.body()).asText()).isEqualTo("page 1\npage 2\npage 3\n");
  }

  @Test
  void a_flight_is_followed_by_status_and_events_and_stopped() throws Exception {
    HttpResponse<String> started = post("/api/operations/flight", "{}");
    assertThat(started.statusCode()).isEqualTo(202);
    String self = started.headers().firstValue("Location").orElseThrow();
    assertThat(flight.takeOff.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> status = send(HttpRequest.newBuilder(URI.create(self)));
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.headers().firstValue("ETag")).isPresent();
    HttpResponse<InputStream> events =
        http.send(
            HttpRequest.newBuilder(URI.create(self + "/events"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(events.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
      assertThat(dataOf(lines).path("state").asText()).isEqualTo("RUNNING");

      HttpResponse<String> stopped = post(URI.create(self).getPath() + "/stop", "{}");
      assertThat(stopped.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(stopped.body()).path("stopRequested").asBoolean()).isTrue();

      JsonNode last = null;
      for (JsonNode event = dataOf(lines); event != null; event = dataOf(lines)) {
        last = event;
      }
      assertThat(last.path("state").asText()).isEqualTo("STOPPED");
      assertThat(last.path("text").asText()).isEqualTo("called off");
    }
  }

  /** The data of the next event, or null when the stream ended. */
  private static JsonNode dataOf(BufferedReader lines) throws Exception {
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("data:")) {
        return JSON.readTree(line.substring(5));
      }
    }
    return null;
  }

  @Test
  void the_openapi_document_is_served_under_the_base() throws Exception {
    HttpResponse<String> document = send(at("/api/operations/openapi.json"));

    assertThat(document.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(document.body());
    assertThat(json.path("servers").path(0).path("url").asText()).isEqualTo("/api/operations");
    assertThat(json.at("/components/schemas/ReportParameters/properties/pages/type").asText())
        .isEqualTo("integer");
  }

  @Test
  void actuator_health_shows_the_engine_with_the_properties_applied() throws Exception {
    HttpResponse<String> health = send(at("/api/actuator/health"));

    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    JsonNode engineHealth = JSON.readTree(health.body()).path("components").path("asyncOps");
    assertThat(engineHealth.path("status").asText()).isEqualTo("UP");
    assertThat(engineHealth.path("details").path("queueCapacity").asInt()).isEqualTo(50);
    assertThat(engineHealth.path("details").path("storeReachable").asBoolean()).isTrue();
    assertThat(engineHealth.path("details").path("types").has("report")).isTrue();
  }

  @Test
  void actuator_metrics_count_starts_and_ends_by_type() throws Exception {
    assertThat(post("/api/operations/discovered", "{}", "Prefer", "wait=5").statusCode())
        .isEqualTo(200);

    HttpResponse<String> started =
        send(at("/api/actuator/metrics/asyncops.operations.started?tag=type:discovered"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(JSON.readTree(started.body()).at("/measurements/0/value").asDouble()).isEqualTo(1.0);
    HttpResponse<String> ended =
        send(
            at(
                "/api/actuator/metrics/asyncops.operations.ended?tag=type:discovered&tag=state:"
                    + OperationState.SUCCEEDED.name().toLowerCase(java.util.Locale.ROOT)));
    assertThat(JSON.readTree(ended.body()).at("/measurements/0/value").asDouble()).isEqualTo(1.0);
    HttpResponse<String> queued = send(at("/api/actuator/metrics/asyncops.operations.queued"));
    assertThat(queued.statusCode()).isEqualTo(200);
  }
}
