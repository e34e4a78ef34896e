package io.github.asyncops.grizzly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncops.testsupport.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GrizzlyProblems} on a real Jersey and Grizzly server on port 0, with requests sent as raw
 * bytes over a socket (no HTTP client sends these URIs): each refusal is a problem with the
 * adapter's headers, and the server keeps serving. What the adapter answers under its base is
 * covered by the adapter's own {@code MalformedRequestsIT}, which runs through this module too.
 */
final class GrizzlyProblemsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> NO_HEADERS = List.of();

  private static GrizzlyServer server;
  private static RawHttp raw;

  @BeforeAll
  static void start() {
    server = new GrizzlyServer();
    raw = new RawHttp(server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void malformed_uris_get_400_problems() throws IOException {
    List<String> targets =
        List.of(
            "/api/hello/%00",
            "/api/hello/%ff",
            "/api/hello/%C0%AE",
            "/api/hello/a%2Fb",
            "/api/hello/a%5Cb",
            "/api/hello/%",
            "/api/hello/%zz",
            "/api/hello/x/..",
            "/api/hello/./x",
            "/api/hello/%2e%2e",
            "/api/hello/a\"b",
            "/api/hello/{x}",
            "/api/hello?name=%",
            "/api/hello?name=%zz",
            "/nothing/%00");
    for (String target : targets) {
      RawHttp.Answer answer = raw.send("GET", target, NO_HEADERS, null);

      assertProblem(target, answer, 400);
      assertThat(answer.header("Connection")).as(target).isEqualTo("close");
      assertThat(detail(answer)).as(target).startsWith("the request ");
    }
  }

  @Test
  void an_unmapped_path_gets_a_404_problem() throws IOException {
    RawHttp.Answer answer = raw.send("GET", "/nothing/here", NO_HEADERS, null);

    assertProblem("/nothing/here", answer, 404);
    assertThat(detail(answer)).isEqualTo("there is nothing at this path");
  }

  @Test
  void a_failing_resource_gets_a_500_problem_without_its_exception() throws IOException {
    RawHttp.Answer answer = raw.send("GET", "/api/hello/fail", NO_HEADERS, null);

    assertProblem("/api/hello/fail", answer, 500);
    assertThat(detail(answer)).contains("its log has the details");
  }

  @Test
  void an_h2c_upgrade_is_declined_and_the_body_served() {
    byte[] body = "ping".getBytes(StandardCharsets.UTF_8);
    List<String> headers =
        List.of(
            "Connection: Upgrade, HTTP2-Settings",
            "Upgrade: h2c",
            "HTTP2-Settings: AAMAAABkAAQBAAAAAAIAAAAA");

    RawHttp.Answer answer = raw.send("POST", "/api/hello", headers, body);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Upgrade")).isNull();
    assertThat(answer.body()).isEqualTo("ping");
  }

  @Test
  void a_delete_with_a_body_reaches_the_application() {
    byte[] body = "{".getBytes(StandardCharsets.UTF_8);
    RawHttp.Answer answer =
        raw.send("DELETE", "/api/hello", List.of("Content-Type: application/json"), body);

    assertThat(answer.status()).as(answer.body()).isEqualTo(405);
  }

  @Test
  void the_server_still_serves_after_a_malformed_uri() {
    raw.send("GET", "/api/hello/%", NO_HEADERS, null);

    RawHttp.Answer answer = raw.send("GET", "/api/hello?name=grizzly", NO_HEADERS, null);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("hello grizzly");
  }

  @Test
  void a_head_request_with_a_malformed_uri_gets_the_problem_headers_only() {
    RawHttp.Answer answer = raw.send("HEAD", "/api/hello/%zz", NO_HEADERS, null);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).isEqualTo(Problems.MEDIA_TYPE);
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void installing_on_a_started_server_is_refused() {
    assertThatIllegalStateException()
        .isThrownBy(() -> GrizzlyProblems.install(server.http))
        .withMessageContaining("before the server starts");
  }

  private static void assertProblem(String target, RawHttp.Answer answer, int status)
      throws IOException {
    String context = target + " answered " + answer.status() + " " + answer.body();
    assertThat(answer.status()).as(context).isEqualTo(status);
    assertThat(answer.header("Content-Type")).as(context).isEqualTo(Problems.MEDIA_TYPE);
    assertThat(answer.header("X-Content-Type-Options")).as(context).isEqualTo("nosniff");
    assertThat(answer.header("Cache-Control")).as(context).isEqualTo("no-store");
    assertThat(answer.body()).as(context).doesNotContain("Exception", "java.", "<html", "\tat ");
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.path("type").asText()).as(context).isEqualTo("about:blank");
    assertThat(problem.path("title").asText()).as(context).isNotBlank();
    assertThat(problem.path("status").asInt()).as(context).isEqualTo(status);
  }

  private static String detail(RawHttp.Answer answer) throws IOException {
    return JSON.readTree(answer.body()).path("detail").asText();
  }
}
