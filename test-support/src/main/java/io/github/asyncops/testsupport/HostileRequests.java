package io.github.asyncops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ListArbitrary;

/**
 * Generated hostile and sloppy requests against the adapter's base on any runtime, and what every
 * answer must be: a success, a redirect, or a 4xx {@code application/problem+json} with {@code
 * nosniff} and {@code no-store}, whose body names no Java class and holds no stack trace or HTML.
 *
 * <p>Paths, methods, query strings, headers and bodies are drawn from fragments that break parsers:
 * encoded slashes, overlong UTF-8, path parameters, ids of the wrong length, nested JSON, bytes
 * that are no JSON. URIs that no RFC 3986 parser accepts ({@code %zz}, raw quotes, {@code %00}) are
 * drawn only where the runtime's container answers them through asyncops (Grizzly with {@code
 * asyncops-grizzly}); Tomcat, Undertow and Vert.x answer those before any application code runs.
 * Headers that frame the message are never generated: {@link RawHttp} must be able to read the
 * answer. The one generator of hostile requests: the compatibility stage runs it against every
 * consumer application, the demo's {@code HostileRequestsIT} against the demo in the reactor.
 */
public final class HostileRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JAVA_NAME =
      Pattern.compile("(java|javax|jakarta|org\\.glassfish|com\\.fasterxml|io\\.github)\\.[a-z]");

  /**
   * Headers that every runtime parses, with values that are well formed and hostile in meaning.
   * RESTEasy parses {@code Accept-Language} before any application code and answers a quality
   * outside 0 to 1, or one that is no number, with Undertow's page.
   */
  private static final List<String> WELL_FORMED_HEADERS =
      List.of(
          "Accept-Language: ru",
          "Accept-Language: xx-YYYY-zz",
          "Accept-Language: *",
          "Accept-Language: en-US, ru;q=0.5",
          "If-None-Match: \"abc\"",
          "If-None-Match: W/\"x\"",
          "If-None-Match: *",
          "If-Match: \"abc\"",
          "Prefer: wait=abc",
          "Prefer: wait=-1",
          "Prefer: wait=99999999999",
          "Prefer: respond-async",
          "Idempotency-Key: k",
          "Idempotency-Key: " + "k".repeat(300),
          "Origin: http://evil.example",
          "Origin: null",
          "Last-Event-ID: abc",
          "Last-Event-ID: 99999999999999999999",
          "Range: bytes=0-",
          "Cookie: asyncops=zzz");

  private HostileRequests() {}

  /**
   * One request, sent as is.
   *
   * @param method the method
   * @param target the request target: path and query
   * @param headers header lines without line ends
   * @param body the body, or null
   */
  public record Request(String method, String target, List<String> headers, byte[] body) {
    @Override
    public String toString() {
      String text = body == null ? "" : " " + new String(body, StandardCharsets.UTF_8);
      return method + " " + target + " " + headers + text;
    }
  }

  /** How far in front of JAX-RS asyncops answers on the runtime under test. */
  public enum Reach {
    /**
     * Only what reaches JAX-RS on every runtime: the container (Tomcat, Undertow, Vert.x) answers
     * the rest with its own pages, before any application code runs.
     */
    JAX_RS,
    /**
     * Also what the container itself refuses: URIs that no RFC 3986 parser accepts ({@code %zz},
     * raw quotes, {@code %00}), encoded slashes, dot segments, invalid UTF-8, path parameters
     * (Quarkus REST decodes a path with one twice, so {@code %25/x;y} fails in its router with a
     * 500), header values that are not well formed (RESTEasy answers {@code x/y;q=abc} or {@code
     * Accept-Language: *;q=2} with Undertow's page) and a repeated header (Tomcat refuses a second
     * {@code Content-Type}). Grizzly with {@code asyncops-grizzly}.
     */
    CONTAINER
  }

  /**
   * Requests against one base.
   *
   * @param basePath the adapter's base path, such as {@code /api/operations}
   * @param reach what asyncops answers on the runtime
   * @param typeNames the names of operation types that the application serves, drawn as path
   *     segments so that some requests reach real routes
   * @return the requests
   */
  public static Arbitrary<Request> against(String basePath, Reach reach, List<String> typeNames) {
    boolean container = reach == Reach.CONTAINER;
    return Combinators.combine(
            methods(),
            paths(basePath, container, typeNames),
            queries(container),
            headers(container),
            bodies())
        .as(
            (method, path, query, headers, body) -> {
              boolean sendsBody =
                  body.length > 0 && !method.equals("GET") && !method.equals("HEAD");
              List<String> lines = new ArrayList<>(headers);
              if (sendsBody && lines.stream().noneMatch(h -> h.startsWith("Content-Type"))) {
                lines.add("Content-Type: application/json");
              }
              return new Request(method, path + query, lines, sendsBody ? body : null);
            });
  }

  /**
   * Sends a request and checks its answer.
   *
   * @param raw the client of the runtime under test
   * @param request the request
   */
  public static void assertAnswered(RawHttp raw, Request request) {
    RawHttp.Answer answer =
        raw.send(request.method(), request.target(), request.headers(), request.body());
    String context =
        request + " answered " + answer.status() + " " + answer.headers() + " " + answer.body();
    assertThat(answer.status()).as(context).isBetween(200, 499);
    assertThat(JAVA_NAME.matcher(answer.body()).find()).as(context).isFalse();
    assertThat(answer.body().toLowerCase(Locale.ROOT))
        .as(context)
        .doesNotContain("exception", "\tat ", "<html");
    if (answer.status() < 400) {
      return;
    }
    assertThat(answer.header("X-Content-Type-Options")).as(context).isEqualTo("nosniff");
    assertThat(answer.header("Cache-Control")).as(context).contains("no-store");
    if (request.method().equals("HEAD")) {
      return;
    }
    assertThat(answer.header("Content-Type")).as(context).startsWith("application/problem+json");
    JsonNode problem = json(answer.body(), context);
    assertThat(problem.path("status").asInt()).as(context).isEqualTo(answer.status());
    assertThat(problem.path("title").asText()).as(context).isNotBlank();
  }

  private static JsonNode json(String body, String context) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + context, e);
    }
  }

  private static Arbitrary<String> methods() {
    Arbitrary<String> tokens =
        Arbitraries.strings()
            .withCharRange('A', 'Z')
            .withChars("!#$%&'*+-.^_`|~0123456789")
            .ofMinLength(1)
            .ofMaxLength(10);
    return Arbitraries.frequencyOf(
        Tuple.<Integer, Arbitrary<? extends String>>of(
            6, Arbitraries.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")),
        Tuple.<Integer, Arbitrary<? extends String>>of(1, tokens));
  }

  private static Arbitrary<String> paths(
      String basePath, boolean container, List<String> typeNames) {
    List<String> fragments = new ArrayList<>(typeNames);
    fragments.addAll(
        List.of(
            "nope",
            "_admin",
            "operations",
            "summary",
            "stop",
            "result",
            "events",
            "AAAAAAAAAAAAAAAAAAAAAA",
            "a",
            "0",
            "-",
            "_",
            "~",
            ".",
            "!",
            "$",
            "&",
            "'",
            "(",
            ")",
            "*",
            "+",
            ",",
            "=",
            ":",
            "@",
            "%20",
            "%25",
            "%C3%A9",
            "%e2%82%ac",
            "%3B",
            "%3F",
            "%23"));
    if (container) {
      fragments.addAll(
          List.of(
              "%C0%AE",
              ";", ";x=1", "%", "%0", "%00", "%zz", "%ff", "%2F", "%5C", "%2E%2E", "%c0%af", "\"",
              "<", ">", "{", "}", "|", "\\", "^", "`", "/", "//", "/.", "/.."));
    }
    Arbitrary<String> segment =
        Arbitraries.of(fragments)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(parts -> String.join("", parts))
            .filter(part -> container || !isDotSegment(part));
    return segment
        .list()
        .ofMaxSize(4)
        .map(parts -> basePath + (parts.isEmpty() ? "" : "/") + String.join("/", parts));
  }

  /**
   * Whether a container resolves the segment as empty, {@code .} or {@code ..} once it has cut its
   * path parameters, which takes the path out of the adapter's base or makes it another path.
   */
  private static boolean isDotSegment(String segment) {
    int parameters = segment.indexOf(';');
    return (parameters < 0 ? segment : segment.substring(0, parameters)).matches("\\.*");
  }

  private static Arbitrary<String> queries(boolean container) {
    List<String> fragments =
        new ArrayList<>(
            List.of(
                "active=true",
                "active=maybe",
                "limit=10",
                "limit=-1",
                "limit=abc",
                "limit=99999999999999999999",
                "key=k",
                "key=",
                "lang=ru",
                "=",
                "&",
                "a=%20",
                "active=%C3%A9",
                "x"));
    if (container) {
      fragments.addAll(List.of("%", "active=%", "%zz", "%00", "\"", "{", "|"));
    }
    Arbitrary<String> query =
        Arbitraries.of(fragments)
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(q -> "?" + String.join("&", q));
    return Arbitraries.frequencyOf(
        Tuple.<Integer, Arbitrary<? extends String>>of(1, Arbitraries.just("")),
        Tuple.<Integer, Arbitrary<? extends String>>of(1, query));
  }

  private static Arbitrary<List<String>> headers(boolean container) {
    Arbitrary<String> mediaTypes =
        Arbitraries.of(
            "*/*",
            "application/json",
            "text/html",
            "text/event-stream",
            "application/problem+json",
            "application/*;q=0.5",
            "*/*;q=0",
            "x/y",
            "application/json; charset=x",
            "application/json; charset=utf-8");
    List<String> values =
        List.of(
            "*/*",
            "application/json",
            ";",
            ",",
            "\"",
            "\"abc\"",
            "W/\"x\"",
            "wait=abc",
            "wait=-1",
            "wait=99999999999",
            "ru",
            "xx-YYYY-zz",
            "*;q=2",
            "null",
            "http://evil.example",
            "bytes=0-",
            "a=b; c",
            "charset=\"",
            "application/json; charset=\"",
            "x/y;q=abc");
    Arbitrary<String> junk =
        Arbitraries.of(values)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(parts -> String.join(" ", parts));
    Arbitrary<String> mediaTypeHeader =
        Combinators.combine(Arbitraries.of("Accept", "Content-Type"), container ? junk : mediaTypes)
            .as((n, v) -> n + ": " + v);
    Arbitrary<String> otherHeader =
        container
            ? Combinators.combine(
                    Arbitraries.of(
                        "Accept-Language",
                        "If-None-Match",
                        "If-Match",
                        "Prefer",
                        "Idempotency-Key",
                        "Origin",
                        "Last-Event-ID",
                        "Range",
                        "Cookie"),
                    junk)
                .as((n, v) -> n + ": " + v)
            : Arbitraries.of(WELL_FORMED_HEADERS);
    ListArbitrary<String> drawn =
        Arbitraries.oneOf(mediaTypeHeader, otherHeader).list().ofMaxSize(3);
    return (container ? drawn : drawn.uniqueElements(line -> line.substring(0, line.indexOf(':'))))
        .map(
            lines -> {
              List<String> all = new ArrayList<>(lines);
              all.add("X-Requested-With: test");
              return all;
            });
  }

  private static Arbitrary<byte[]> bodies() {
    Arbitrary<byte[]> json =
        Arbitraries.of(
                "{",
                "}",
                "[",
                "]",
                "\"rows\"",
                "\"rows\":",
                "1",
                "-1",
                "1e999",
                "null",
                "true",
                "\"\\u0000\"",
                "\"\\ud800\"",
                "\"\\x\"",
                "{\"rows\": 2}",
                "{\"rows\": \"2\"}",
                ",",
                "\n")
            .list()
            .ofMaxSize(12)
            .map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> nested =
        Arbitraries.integers()
            .between(900, 1_200)
            .map(n -> ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(48);
    return Arbitraries.oneOf(Arbitraries.just(new byte[0]), json, nested, bytes);
  }
}
