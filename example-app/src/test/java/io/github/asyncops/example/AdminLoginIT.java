package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's login to the operator console over real HTTP: {@code /admin} shows the login form
 * until the password is given, the right password sets an HttpOnly SameSite=Strict session cookie
 * and shows the console, a wrong one says only that it is wrong and sets nothing, ten wrong ones in
 * a minute make every login wait (429 with Retry-After), a forged or logged-out cookie counts for
 * nothing, and {@code --admin-password} is parsed and a drawn password is printed. The role the
 * session gets is {@link AdminSecurityTest}'s; the console with the admin API, {@link
 * AdminConsoleIT}'s.
 */
final class AdminLoginIT {
  private static final String PASSWORD = "correct horse battery";

  private final HttpClient http = HttpClient.newHttpClient();
  private DemoServer server;
  private String admin;

  @BeforeEach
  void start() {
    server =
        DemoServer.start(
            DemoOptions.parse(
                List.of("--port", "0", "--lang", "en", "--admin-password", PASSWORD)));
    admin = "http://localhost:" + server.port() + "/admin";
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void without_a_session_admin_shows_the_login_form_and_not_the_console() throws Exception {
    HttpResponse<String> page = get(admin, null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.body())
        .contains("<form method=\"post\" action=\"/admin/login\">")
        .contains("type=\"password\" name=\"password\"")
        .doesNotContain("background-operations-console")
        .doesNotContain("role=\"alert\"");
    assertThat(server.generatedAdminPassword()).as("a given password is never printed").isNull();
  }

  @Test
  void the_right_password_sets_an_httponly_samesite_strict_cookie_and_shows_the_console()
      throws Exception {
    HttpResponse<String> login = login(PASSWORD);

    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Location")).hasValue("/admin");
    List<String> cookies = login.headers().allValues("Set-Cookie");
    assertThat(cookies).hasSize(1);
    assertThat(cookies.get(0))
        .matches("asyncops-admin=[A-Za-z0-9_-]{22}; Path=/; HttpOnly; SameSite=Strict");

    HttpResponse<String> console = get(admin, session(login));
    assertThat(console.statusCode()).isEqualTo(200);
    assertThat(console.body())
        .contains("<background-operations-console id=\"console\" url=\"/api/operations\">")
        .contains("/console-define.js")
        .contains("<html lang=\"en\">")
        .doesNotContain("name=\"password\"");
  }

  @Test
  void a_wrong_password_says_so_without_a_hint_and_sets_no_cookie() throws Exception {
    HttpResponse<String> almost = login(PASSWORD.substring(0, PASSWORD.length() - 1));
    HttpResponse<String> longer = login(PASSWORD + "!");
    HttpResponse<String> empty = login("");

    for (HttpResponse<String> wrong : List.of(almost, longer, empty)) {
      assertThat(wrong.statusCode()).isEqualTo(403);
      assertThat(wrong.headers().allValues("Set-Cookie")).isEmpty();
      assertThat(wrong.body())
          .contains("<p role=\"alert\">Wrong password.</p>")
          .contains("name=\"password\"")
          .doesNotContain("background-operations-console");
    }
    assertThat(longer.body()).isEqualTo(almost.body()).isEqualTo(empty.body());
  }

  @Test
  void after_ten_wrong_passwords_a_minute_every_login_waits_the_right_one_too() throws Exception {
    for (int i = 0; i < LoginThrottle.LIMIT; i++) {
      assertThat(login("guess " + i).statusCode()).as("guess %d", i).isEqualTo(403);
    }

    HttpResponse<String> refused = login(PASSWORD);

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After").map(Integer::parseInt))
        .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1, 60));
    assertThat(refused.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(refused.body())
        .contains("<p role=\"alert\">Too many wrong passwords. Try again in a minute.</p>")
        .contains("name=\"password\"");
  }

  @Test
  void a_forged_or_logged_out_session_shows_the_login_form() throws Exception {
    assertThat(get(admin, "asyncops-admin=AAAAAAAAAAAAAAAAAAAAAA").body())
        .contains("name=\"password\"");

    String session = session(login(PASSWORD));
    HttpResponse<String> logout =
        http.send(
            HttpRequest.newBuilder(URI.create(admin + "/logout"))
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(logout.headers().firstValue("Set-Cookie"))
        .hasValue("asyncops-admin=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    assertThat(get(admin, session).body())
        .contains("name=\"password\"")
        .doesNotContain("background-operations-console");
  }

  @Test
  void other_paths_and_methods_under_admin_are_refused() throws Exception {
    assertThat(get(admin + "/nope", null).statusCode()).isEqualTo(404);
    HttpResponse<String> getLogin = get(admin + "/login", null);
    assertThat(getLogin.statusCode()).isEqualTo(405);
    assertThat(getLogin.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void a_demo_without_admin_password_draws_one_that_logs_in() throws Exception {
    try (DemoServer drawn = DemoServer.start(DemoOptions.defaults().withPort(0))) {
      String password = drawn.generatedAdminPassword();
      assertThat(password).matches("[A-Za-z0-9_-]{22}");
      admin = "http://localhost:" + drawn.port() + "/admin";
      assertThat(login(password).statusCode()).isEqualTo(303);
      assertThat(login(PASSWORD).statusCode()).isEqualTo(403);
    }
  }

  private HttpResponse<String> login(String password) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(admin + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The {@code name=value} of the session cookie a login set. */
  private static String session(HttpResponse<String> login) {
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring(0, cookie.indexOf(';'));
  }
}
