package io.github.asyncops.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.glassfish.grizzly.http.Cookie;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * The operator console at {@code /admin} behind the demo's login: {@code GET /admin} shows the
 * console ({@code page/admin.html}) to a request with a valid session and the login form ({@code
 * page/login.html}) to any other; {@code POST /admin/login} with the form's {@code password} opens
 * a session and sets its cookie (HttpOnly, SameSite=Strict, path {@code /}, Secure over https), or
 * answers 403 with the form and "Wrong password", whatever was wrong, or 429 with {@code
 * Retry-After} while too many wrong passwords were tried ({@link LoginThrottle}); {@code POST
 * /admin/logout} closes the session. The console itself talks to {@code /api/operations/_admin},
 * where {@link AdminSecurity} gives the session's requests the admin role.
 */
final class AdminPage extends HttpHandler {
  private static final HttpStatus TOO_MANY_REQUESTS =
      HttpStatus.newHttpStatus(429, "Too Many Requests");

  private final AdminSessions sessions;
  private final String console;
  private final String login;
  private final String wrong;
  private final String throttled;
  private final LoginThrottle throttle = new LoginThrottle(System::nanoTime);

  AdminPage(Language language, AdminSessions sessions) {
    this.sessions = sessions;
    Properties values = PageHandler.properties("texts/admin-" + language.code() + ".properties");
    values.putAll(PageHandler.properties("demo.properties"));
    values.setProperty("lang", language.code());
    this.console = render("page/admin.html", values);
    String form = PageHandler.text("page/login.html");
    this.login = render(form.replace("{{error}}", ""), values);
    this.wrong = render(form.replace("{{error}}", alert(values, "admin.wrong")), values);
    this.throttled = render(form.replace("{{error}}", alert(values, "admin.throttled")), values);
  }

  @Override
  public void service(Request request, Response response) throws IOException {
    String path = request.getRequestURI().replaceFirst("/+$", "");
    boolean post = "POST".equals(request.getMethod().getMethodString());
    switch (path) {
      case "/admin" -> {
        if (!post) {
          page(response, HttpStatus.OK_200, sessions.valid(session(request)) ? console : login);
          return;
        }
      }
      case "/admin/login" -> {
        if (post) {
          login(request, response);
          return;
        }
      }
      case "/admin/logout" -> {
        if (post) {
          sessions.logout(session(request));
          response.addHeader("Set-Cookie", cookie("", request.isSecure()) + "; Max-Age=0");
          redirect(response);
          return;
        }
      }
      default -> {
        response.sendError(HttpStatus.NOT_FOUND_404.getStatusCode());
        return;
      }
    }
    response.setHeader("Allow", path.equals("/admin") ? "GET, HEAD" : "POST");
    response.sendError(HttpStatus.METHOD_NOT_ALLOWED_405.getStatusCode());
  }

  private static String alert(Properties values, String key) {
    return "<p role=\"alert\">" + values.getProperty(key) + "</p>";
  }

  private void login(Request request, Response response) throws IOException {
    Duration wait = throttle.waitBeforeLogin();
    if (!wait.isZero()) {
      response.setHeader("Retry-After", Long.toString(wait.toSeconds()));
      page(response, TOO_MANY_REQUESTS, throttled);
      return;
    }
    String session = sessions.login(request.getParameter("password"));
    if (session == null) {
      throttle.failed();
      page(response, HttpStatus.FORBIDDEN_403, wrong);
      return;
    }
    response.addHeader("Set-Cookie", cookie(session, request.isSecure()));
    redirect(response);
  }

  /**
   * The session cookie's header value: HttpOnly and SameSite=Strict, so no script and no other site
   * sends it.
   */
  static String cookie(String session, boolean secure) {
    return AdminSessions.COOKIE
        + "="
        + session
        + "; Path=/; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }

  private static String session(Request request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (AdminSessions.COOKIE.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private static void redirect(Response response) {
    response.setStatus(HttpStatus.SEE_OTHER_303);
    response.setHeader("Location", "/admin");
    response.setHeader("Cache-Control", "no-store");
  }

  private static void page(Response response, HttpStatus status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/html; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static String render(String template, Properties values) {
    String html = template.startsWith("page/") ? PageHandler.text(template) : template;
    for (String key : values.stringPropertyNames()) {
      html = html.replace("{{" + key + "}}", values.getProperty(key));
    }
    if (html.contains("{{")) {
      throw new IllegalStateException("an admin page has an unknown placeholder");
    }
    return html;
  }
}
