package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDK's {@code HttpClient} with its defaults, which offer an HTTP/2 cleartext upgrade on the
 * first request, starts, polls and stops an operation on the demo (issue 11: a start used to hang
 * until the client's timeout). The server declines the upgrade, so the exchange is HTTP/1.1.
 */
final class DefaultHttpClientIT {
  /** Long enough for any answer of a healthy server; a hang fails the test instead of blocking. */
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DemoServer server = DemoServer.start(DemoOptions.defaults().withPort(0));
  private final HttpClient client =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  @AfterEach
  void stop() {
    server.close();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  @Test
  void a_default_client_starts_polls_and_stops_an_operation() throws Exception {
    assertThat(client.version()).isEqualTo(HttpClient.Version.HTTP_2);

    HttpResponse<String> started = post("/api/operations/missile-launch");
    JsonNode status = JSON.readTree(started.body());
    String self = status.path("links").path("self").asText();
    HttpResponse<String> polled = send(HttpRequest.newBuilder(uri(self)).GET());
    HttpResponse<String> stopped = post(status.path("links").path("stop").asText());
    HttpResponse<String> exported =
        send(
            HttpRequest.newBuilder(uri("/api/operations/csv-export"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rows\": 3}")));

    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(started.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(polled.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(polled.body()).path("id").asText())
        .isEqualTo(status.path("id").asText());
    assertThat(stopped.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(stopped.body()).path("stopRequested").asBoolean()).isTrue();
    assertThat(exported.statusCode()).isEqualTo(202);
  }
}
