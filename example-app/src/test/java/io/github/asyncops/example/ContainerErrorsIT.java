package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that Grizzly or Jersey's container refuse before the adapter sees them (issue 11) answer
 * 400 with a problem+json body on the demo, never an empty 500 or an HTML page with a stack trace,
 * and with the headers of every adapter answer (issue 21). Sent with curl's {@code --path-as-is
 * --globoff}, since the JDK refuses to build such URIs; {@link HostileRequestsIT} generates more.
 */
final class ContainerErrorsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DemoServer server = DemoServer.start(DemoOptions.defaults().withPort(0));

  @AfterEach
  void stop() {
    server.close();
  }

  /** The status line's code, the headers that every problem carries, and the body of a request. */
  private record Answer(
      int status, String contentType, String nosniff, String cacheControl, String body) {}

  private Answer curl(String pathAndQuery) throws Exception {
    Process curl =
        new ProcessBuilder(
                "curl",
                "-sS",
                "--path-as-is",
                "--globoff",
                "-o",
                "-",
                "-w",
                "\n%{http_code}|%{content_type}|%header{x-content-type-options}|%header{cache-control}",
                "http://localhost:" + server.port() + pathAndQuery)
            .redirectErrorStream(true)
            .start();
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor(20, TimeUnit.SECONDS)).isTrue();
    int split = output.lastIndexOf('\n');
    String[] written = output.substring(split + 1).split("\\|", -1);
    return new Answer(
        Integer.parseInt(written[0]),
        written[1],
        written[2],
        written[3],
        output.substring(0, split));
  }

  @Test
  void malformed_uris_answer_400_problems() throws Exception {
    List<String> paths =
        List.of(
            "/api/operations/csv-export/%00",
            "/api/operations/csv-export/%ff",
            "/api/operations/csv-export/%C0%AE",
            "/api/operations/csv-export/a%2Fb",
            "/api/operations/csv-export/a%5Cb",
            "/api/operations/csv-export/%",
            "/api/operations/csv-export/%zz",
            "/api/operations/csv-export/x/..",
            "/api/operations/csv-export/a\"b",
            "/api/operations/csv-export/{x}",
            "/api/operations/missile-launch?active=%",
            "/api/operations/missile-launch?active=%zz");
    for (String path : paths) {
      Answer answer = curl(path);

      assertThat(answer.status()).as(path).isEqualTo(400);
      assertThat(answer.contentType()).as(path).isEqualTo("application/problem+json");
      assertThat(answer.nosniff()).as(path).isEqualTo("nosniff");
      assertThat(answer.cacheControl()).as(path).isEqualTo("no-store");
      JsonNode problem = JSON.readTree(answer.body());
      assertThat(problem.path("status").asInt()).isEqualTo(400);
      assertThat(problem.path("detail").asText()).startsWith("the request ");
      assertThat(answer.body()).doesNotContain("Exception", "java.", "<html");
    }
  }

  @Test
  void the_server_still_serves_after_malformed_requests() throws Exception {
    curl("/api/operations/csv-export/%");

    Answer types = curl("/api/operations");

    assertThat(types.status()).isEqualTo(200);
    assertThat(JSON.readTree(types.body()).isArray()).isTrue();
  }
}
