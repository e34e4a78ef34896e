package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's {@code /metrics} in the Prometheus text format and its {@code /health} as JSON, read
 * over HTTP after an operation went through the API. The meters' values are covered in the metrics
 * module's tests; this checks that the demo wires and exposes them.
 */
final class DemoMonitoringIT {
  private final DemoServer server =
      DemoServer.start(DemoOptions.defaults().withPort(0).withFlight(Duration.ofSeconds(1)));
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
  }

  @Test
  void metrics_show_a_launch_in_the_prometheus_text_format() throws Exception {
    HttpResponse<String> started =
        send(
            at("/api/operations/missile-launch")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(started.statusCode()).isEqualTo(202);

    HttpResponse<String> metrics = send(at("/metrics"));

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .contains("asyncops_operations_started_total{type=\"missile-launch\"} 1.0")
        .contains("asyncops_operations_queued{type=\"csv-export\"} 0.0")
        .contains("asyncops_operations_running{type=\"missile-launch\"}")
        .contains("asyncops_queue_capacity 1000.0")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void health_answers_up_with_the_engines_details_and_refuses_other_methods() throws Exception {
    HttpResponse<String> health = send(at("/health"));

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = new ObjectMapper().readTree(health.body());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    JsonNode details = body.path("details");
    assertThat(details.path("storeReachable").asBoolean()).isTrue();
    assertThat(details.path("queueCapacity").asInt()).isEqualTo(1000);
    assertThat(details.path("types").path("missile-launch").path("queued").isInt()).isTrue();
    assertThat(details.path("stuck").isArray()).isTrue();

    HttpResponse<String> post = send(at("/health").POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET");
  }
}
