package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile request URIs against the demo (issue 21): malformed paths and queries with
 * broken and forbidden {@code %}-escapes, dot segments and characters that must be escaped, sent as
 * raw bytes. Every answer is a 2xx or 3xx, or a problem+json with {@code X-Content-Type-Options:
 * nosniff} and {@code Cache-Control: no-store}, whether the adapter or Grizzly (through
 * asyncops-grizzly) answers it. Before the fix, about one such answer in five from Grizzly lacked
 * both headers. The adapter's {@code MalformedRequestsIT} covers methods, headers and bodies.
 */
final class HostileUrisIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Long enough for any answer of a healthy server. */
  private static final int TIMEOUT_MILLIS = 20_000;

  private static DemoServer server;

  @BeforeContainer
  static void start() {
    server = DemoServer.start(DemoOptions.defaults().withPort(0));
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 1000)
  void every_answer_is_a_success_or_a_problem_with_the_adapter_headers(
      @ForAll("methods") String method, @ForAll("targets") String target) {
    Answer answer = send(method, target);

    String context = method + " " + target + " answered " + answer.status + " " + answer.body;
    assertThat(answer.status).as(context).isBetween(200, 499);
    if (answer.status < 400) {
      return;
    }
    assertThat(answer.headers.get("x-content-type-options")).as(context).isEqualTo("nosniff");
    assertThat(answer.headers.get("cache-control")).as(context).isEqualTo("no-store");
    if (method.equals("HEAD")) {
      return;
    }
    assertThat(answer.headers.get("content-type"))
        .as(context)
        .isEqualTo("application/problem+json");
    assertThat(answer.body).as(context).doesNotContain("Exception", "java.", "<html");
    JsonNode problem = json(answer.body);
    assertThat(problem.path("status").asInt()).as(context).isEqualTo(answer.status);
    assertThat(problem.path("detail").asText()).as(context).isNotBlank();
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "HEAD", "POST", "DELETE");
  }

  @Provide
  Arbitrary<String> targets() {
    Arbitrary<String> fragment =
        Arbitraries.of(
            "a",
            "0",
            "-",
            "~",
            ".",
            "..",
            "/",
            "//",
            ";",
            "!",
            "$",
            "&",
            "'",
            "(",
            "*",
            "+",
            ",",
            "=",
            ":",
            "@",
            "%",
            "%0",
            "%00",
            "%ff",
            "%C0%AE",
            "%c0%af",
            "%2F",
            "%5C",
            "%zz",
            "%25",
            "%20",
            "%e2%82%ac",
            "%ed%a0%80",
            "%2e",
            "%2e%2e",
            "\"",
            "<",
            ">",
            "{",
            "}",
            "|",
            "^",
            "`",
            "\\",
            "[",
            "]",
            "missile-launch",
            "csv-export",
            "stop",
            "result",
            "events");
    Arbitrary<String> path = fragment.list().ofMaxSize(8).map(parts -> String.join("", parts));
    Arbitrary<String> query =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            fragment.list().ofMinSize(1).ofMaxSize(4).map(parts -> "?" + String.join("", parts)));
    return path.flatMap(p -> query.map(q -> "/api/operations/" + p + q));
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  /** An answer: its status, headers (names in lower case) and body. */
  private record Answer(int status, Map<String, String> headers, String body) {}

  /** Sends a request line exactly as given, as HTTP/1.0, so the answer ends when it closes. */
  private static Answer send(String method, String target) {
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      String head =
          method + " " + target + " HTTP/1.0\r\nHost: localhost\r\nX-Requested-With: test\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int end = response.indexOf("\r\n\r\n");
      assertThat(end).as("a complete answer: %s", response).isPositive();
      String[] lines = response.substring(0, end).split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        String[] nameValue = lines[i].split(":", 2);
        headers.put(nameValue[0].trim().toLowerCase(Locale.ROOT), nameValue[1].trim());
      }
      int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
      return new Answer(status, headers, response.substring(end + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target, e);
    }
  }
}
