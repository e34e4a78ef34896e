package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.testsupport.RawHttp;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile and sloppy requests against the adapter on a real Grizzly server (issue 11):
 * malformed paths, methods, headers, query strings and bodies. Every answer is a success or a 4xx
 * {@code application/problem+json} with {@code X-Content-Type-Options: nosniff} and {@code
 * Cache-Control: no-store} (issue 21: also when Grizzly answers it, through {@code
 * asyncops-grizzly}), whose body names no Java class and holds no stack trace; nothing is logged as
 * a warning or error; and after each property the server still serves a start, a status and a stop.
 *
 * <p>The requests are well framed: a request line and header lines that HTTP/1.1 can split, since a
 * request that cannot be framed is not addressed to any path and Grizzly's codec refuses it before
 * any handler. Headers that frame the message ({@code Content-Length}, {@code Transfer-Encoding},
 * {@code Host}, {@code Connection}, {@code Upgrade}, {@code Expect}) are not generated.
 */
final class MalformedRequestsIT {
  private static final Pattern JAVA_NAME =
      Pattern.compile("(java|javax|jakarta|org\\.glassfish|com\\.fasterxml|io\\.github)\\.[a-z]");

  private static final List<LogRecord> LOGGED = new ArrayList<>();
  private static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            synchronized (LOGGED) {
              LOGGED.add(record);
            }
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private static Harness harness;
  private static Server server;
  private static RawHttp raw;
  private static String running;
  private static String ended;

  @BeforeContainer
  static void start() {
    harness = new Harness(adapter -> adapter.maxWait(Duration.ofSeconds(1)));
    server = new Server(harness.application(), harness::close);
    raw = new RawHttp(server.base.getPort());
    Browser browser = new Browser(server);
    running = Http.json(browser.post("operations/missile-launch", "{}").body()).path("id").asText();
    ended = Http.json(browser.post("operations/answer", "{}").body()).path("id").asText();
    harness.fixture.awaitState(OperationId.of(ended), OperationState.SUCCEEDED);
    Logger.getLogger("").addHandler(CAPTURE);
  }

  @AfterContainer
  static void stop() {
    Logger.getLogger("").removeHandler(CAPTURE);
    server.close();
  }

  @AfterProperty
  void the_server_logged_no_fault_and_still_serves() {
    synchronized (LOGGED) {
      assertThat(LOGGED).extracting(LogRecord::getMessage).isEmpty();
    }
    Browser browser = new Browser(server);
    HttpResponse<String> started = browser.post("operations/restart", "{}");
    String self = Http.json(started.body()).path("links").path("self").asText().substring(5);
    HttpResponse<String> status = browser.get(self);
    HttpResponse<String> stopped = browser.post(self + "/stop", "{}");
    assertThat(started.statusCode()).isEqualTo(202);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(stopped.statusCode()).isEqualTo(200);
  }

  @Property(tries = 1000)
  void malformed_paths_get_problems(
      @ForAll("methods") String method, @ForAll("paths") String path) {
    assertAnswered(method, raw.send(method, path, List.of("X-Requested-With: test"), null));
  }

  @Example
  void every_method_at_an_unknown_path_gets_a_404_problem() {
    String unknown = "/api/operations/missile-launch/" + running + "/nothing";
    for (String method :
        List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND")) {
      RawHttp.Answer answer = raw.send(method, unknown, List.of("X-Requested-With: test"), null);

      assertThat(answer.status()).as(method).isEqualTo(404);
      assertThat(answer.header("Allow")).as(method).isNull();
      assertAnswered(method, answer);
    }
  }

  @Property(tries = 600)
  void unknown_methods_get_problems(
      @ForAll("tokens") String method, @ForAll("routes") String path) {
    assertAnswered(method, raw.send(method, path, List.of("X-Requested-With: test"), null));
  }

  @Property(tries = 1000)
  void malformed_query_strings_get_problems(
      @ForAll("queries") String query, @ForAll("listOrStart") String method) {
    String target = "/api/operations/" + (method.equals("GET") ? "missile-launch" : "keyed");
    byte[] body = method.equals("GET") ? null : "{}".getBytes(StandardCharsets.UTF_8);
    List<String> headers = List.of("Content-Type: application/json");
    assertAnswered(method, raw.send(method, target + "?" + query, headers, body));
  }

  @Property(tries = 1000)
  void malformed_headers_get_problems(
      @ForAll("headerNames") String name,
      @ForAll("headerValues") String value,
      @ForAll("routes") String path,
      @ForAll("knownMethods") String method) {
    boolean post = method.equals("POST");
    List<String> headers = new ArrayList<>(List.of(name + ": " + value, "X-Requested-With: test"));
    if (post && !name.equals("Content-Type")) {
      headers.add("Content-Type: application/json");
    }
    byte[] body = post ? "{\"rows\": 1}".getBytes(StandardCharsets.UTF_8) : null;
    assertAnswered(method, raw.send(method, path, headers, body));
  }

  @Property(tries = 1000)
  void malformed_bodies_get_problems(
      @ForAll("bodies") byte[] body, @ForAll("startableTypes") String type) {
    List<String> headers = List.of("Content-Type: application/json");
    assertAnswered("POST", raw.send("POST", "/api/operations/" + type, headers, body));
  }

  /**
   * A caller that is not an admin (anonymous, a user, a user with look-alike roles) gets from every
   * method at every admin path, whatever the query, the same answer as from an unknown path: the
   * same status and problem, and no {@code Allow} header. Nothing tells it the admin API exists.
   */
  @Property(tries = 600)
  void admin_paths_answer_everybody_else_as_unknown_paths(
      @ForAll("anyMethod") String method,
      @ForAll("adminRoutes") String path,
      @ForAll("queries") String query,
      @ForAll("nonAdmins") List<String> identity) {
    List<String> headers = new ArrayList<>(identity);
    headers.add("X-Requested-With: test");
    String unknownPath = "/api/operations/answer/" + ended + "/nothing/here";

    RawHttp.Answer answer = raw.send(method, path + "?" + query, headers, null);
    RawHttp.Answer unknown = raw.send(method, unknownPath + "?" + query, headers, null);

    String context =
        method + " " + path + "?" + query + " answered " + answer.status() + " " + answer.body();
    assertThat(answer.status()).as(context).isEqualTo(unknown.status()).isNotIn(200, 403, 405);
    assertThat(answer.body()).as(context).isEqualTo(unknown.body());
    assertThat(answer.header("Allow")).as(context).isNull();
    assertAnswered(method, answer);
  }

  @Provide
  Arbitrary<String> anyMethod() {
    return Arbitraries.oneOf(methods(), tokens().filter(t -> !t.equals("HEAD")));
  }

  @Provide
  Arbitrary<String> adminRoutes() {
    Arbitrary<String> below =
        Arbitraries.of(
            "",
            "/",
            "/operations",
            "/operations/",
            "/summary",
            "/events",
            "/operations/" + running,
            "/operations/" + ended,
            "/operations/" + running + "/stop",
            "/operations/AAAAAAAAAAAAAAAAAAAAAA/stop",
            "/nothing/here");
    return below.map(rest -> "/api/operations/_admin" + rest);
  }

  @Provide
  Arbitrary<List<String>> nonAdmins() {
    return Arbitraries.of(
        List.of(),
        List.of("X-Test-User: alice"),
        List.of("X-Test-User: alice", "X-Test-Roles: admin,ASYNCOPS-ADMIN, asyncops-admin"),
        List.of("X-Test-User: ", "X-Test-Roles: asyncops-admin"),
        List.of("X-Test-Roles: asyncops-admin,asyncops-viewer"));
  }

  private static void assertAnswered(String method, RawHttp.Answer answer) {
    String context = method + " answered " + answer.status() + " " + answer.body();
    assertThat(answer.status()).as(context).isBetween(200, 499);
    assertThat(JAVA_NAME.matcher(answer.body()).find()).as(context).isFalse();
    assertThat(answer.body()).as(context).doesNotContain("Exception", "\tat ", "<html");
    if (answer.status() < 400) {
      return;
    }
    // The adapter's headers, also on what Grizzly answers itself (asyncops-grizzly).
    assertThat(answer.header("X-Content-Type-Options")).as(context).isEqualTo("nosniff");
    assertThat(answer.header("Cache-Control")).as(context).isEqualTo("no-store");
    if (method.equals("HEAD")) {
      return;
    }
    assertThat(answer.header("Content-Type")).as(context).isEqualTo("application/problem+json");
    JsonNode problem = Http.json(answer.body());
    assertThat(problem.path("status").asInt()).as(context).isEqualTo(answer.status());
    assertThat(problem.path("title").asText()).as(context).isNotBlank();
    assertThat(problem.path("detail").asText()).as(context).isNotBlank();
  }

  @Provide
  Arbitrary<String> paths() {
    Arbitrary<String> fragment =
        Arbitraries.of(
            "a",
            "Z",
            "0",
            "-",
            "_",
            "~",
            ".",
            "..",
            "/",
            "//",
            ";",
            ";x=1",
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
            "%",
            "%0",
            "%00",
            "%ff",
            "%FF",
            "%C0%AE",
            "%c0%af",
            "%2F",
            "%2f",
            "%5C",
            "%5c",
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
            "answer",
            "events",
            "result",
            "stop",
            "_admin",
            "_admin/operations",
            "summary",
            running,
            ended);
    return fragment.list().ofMaxSize(8).map(parts -> "/api/operations/" + String.join("", parts));
  }

  @Provide
  Arbitrary<String> routes() {
    return Arbitraries.of(
        "/api/operations",
        "/api/operations/missile-launch",
        "/api/operations/csv-export",
        "/api/operations/missile-launch/" + running,
        "/api/operations/missile-launch/" + running + "/stop",
        "/api/operations/missile-launch/" + running + "/result",
        "/api/operations/answer/" + ended,
        "/api/operations/answer/" + ended + "/result",
        "/api/operations/answer/" + ended + "/events",
        "/api/operations/_admin/operations",
        "/api/operations/_admin/summary",
        "/api/operations/_admin/events",
        "/api/operations/_admin/operations/" + running,
        "/api/operations/_admin/operations/" + running + "/stop");
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
  }

  @Provide
  Arbitrary<String> knownMethods() {
    return Arbitraries.of("GET", "HEAD", "POST", "OPTIONS");
  }

  @Provide
  Arbitrary<String> tokens() {
    Arbitrary<String> generated =
        Arbitraries.strings()
            .withCharRange('A', 'Z')
            .withCharRange('a', 'z')
            .withChars("!#$%&'*+-.^_`|~0123456789")
            .ofMinLength(1)
            .ofMaxLength(12);
    return Arbitraries.oneOf(
        generated, Arbitraries.of("get", "Post", "PROPFIND", "MKCOL", "LOCK", "QUERY", "SEARCH"));
  }

  @Provide
  Arbitrary<String> listOrStart() {
    return Arbitraries.of("GET", "POST");
  }

  @Provide
  Arbitrary<String> queries() {
    Arbitrary<String> fragment =
        Arbitraries.of(
            "active=",
            "limit=",
            "key=",
            "true",
            "false",
            "TRUE",
            "1",
            "0",
            "-1",
            "101",
            "99999999999999999999",
            "1e3",
            "%",
            "%z",
            "%zz",
            "%00",
            "%C0",
            "%C0%AE",
            "%ff",
            "&",
            "=",
            "+",
            "%2B",
            "%26",
            ";",
            "\"",
            "<",
            "{",
            "|",
            "`",
            "^",
            "[",
            "]",
            "?",
            "/",
            "#x",
            "a",
            "%e2%82%ac");
    return fragment.list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<String> headerNames() {
    return Arbitraries.of(
        "Content-Type",
        "Accept",
        "Accept-Language",
        "Accept-Encoding",
        "Accept-Charset",
        "If-None-Match",
        "If-Match",
        "If-Modified-Since",
        "If-Unmodified-Since",
        "Prefer",
        "Idempotency-Key",
        "Last-Event-ID",
        "Cookie",
        "X-Requested-With",
        "Authorization",
        "Origin",
        "Range");
  }

  @Provide
  Arbitrary<String> headerValues() {
    Arbitrary<String> fragment =
        Arbitraries.of(
            "\"",
            "\"abc\"",
            "W/",
            "W/\"x\"",
            ",",
            ",,,",
            ";",
            "=",
            "*",
            "*/*",
            "*/*;q=abc",
            "q=",
            "application/json",
            "application/",
            "/json",
            "text/event-stream",
            "charset=\"",
            "; charset=\"",
            "wait=",
            "wait=1",
            "wait=-1",
            "wait=99999999999999999999",
            "garbage",
            "asyncops-client=",
            "asyncops-client=x;",
            "$Version=1",
            "0",
            "1.",
            "1.x",
            "-",
            " ",
            "\t",
            "%",
            "\\",
            "(",
            ")",
            "<",
            ">",
            "{",
            "}",
            "é",
            "bytes=0-",
            "Mon, 32 Foo");
    return fragment.list().ofMaxSize(6).map(parts -> String.join("", parts).strip());
  }

  @Provide
  Arbitrary<String> startableTypes() {
    return Arbitraries.of("csv-export", "missile-launch", "keyed?key=k", "answer", "nope");
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    Arbitrary<String> token =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            " ",
            "\"rows\"",
            "\"x\"",
            "\"\"",
            "1",
            "-1",
            "0.5",
            "1e999",
            "99999999999999999999",
            "null",
            "true",
            "tru",
            "\"\\u0000\"",
            "\"\\ud800\"",
            "\"\\x\"",
            "/*",
            "'",
            "NaN",
            "\"rows\":",
            "{\"rows\":",
            "{\"rows\": 2}",
            "\n");
    Arbitrary<byte[]> json =
        token
            .list()
            .ofMaxSize(20)
            .map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> nested =
        Arbitraries.integers()
            .between(900, 1_200)
            .map(n -> ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    return Arbitraries.oneOf(json, nested, bytes);
  }
}
