package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * Docs that run: every HTML example of {@code widget-js/README.md}, exactly as it stands, as a page
 * in Chromium against the demo. Once from the demo's own origin, and once from another origin (a
 * server on another port, as a dev server would be) whose examples name the demo's API by its full
 * URL and which the demo allows with {@code --cors-origin}: there the caller's cookies must travel
 * with every request of the bar and the list. A bar example must start its operation and stop it
 * through its own buttons; a list example must show the operation its caller started.
 */
final class ReadmeExamplesIT {
  static final Path README = Path.of("..", "widget-js", "README.md");

  /** A fenced block, also one indented under a list item: its indent, language and text. */
  private static final Pattern BLOCK =
      Pattern.compile("^([ \\t]*)```(\\w*)\\n(.*?)^\\1```", Pattern.DOTALL | Pattern.MULTILINE);

  private static final Set<String> ACTIVE = Set.of("queued", "running", "succeeded");

  @TempDir Path downloads;
  private HttpServer other;
  private DemoServer demo;
  private Browser browser;

  @BeforeEach
  void start() throws IOException {
    other = new HttpServer();
    other.addListener(new NetworkListener("pages", "localhost", 0));
    other.start();
    demo =
        DemoServer.start(
            DemoOptions.defaults()
                .withPort(0)
                .withFlight(Duration.ofSeconds(60))
                .withLanguage(Language.EN)
                .withCorsOrigin(origin(other.getListener("pages").getPort())));
    browser = new Browser(downloads);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (demo != null) {
      demo.close();
    }
    other.shutdownNow();
  }

  private static String origin(int port) {
    return "http://localhost:" + port;
  }

  static List<String> htmlExamples() throws IOException {
    return blocks("html");
  }

  /** The README's fenced blocks of one language, in order, with a list item's indent removed. */
  static List<String> blocks(String language) throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      if (m.group(2).equals(language)) {
        String indent = m.group(1);
        blocks.add(
            m.group(3)
                .lines()
                .map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
      }
    }
    return blocks;
  }

  /** The languages of all the README's fenced blocks, in order. */
  static List<String> languages() throws IOException {
    Matcher m = BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
    List<String> languages = new ArrayList<>();
    while (m.find()) {
      languages.add(m.group(2));
    }
    return languages;
  }

  @Test
  void the_readme_has_a_bar_example_and_a_list_example() throws IOException {
    List<String> examples = htmlExamples();
    assertThat(examples).anyMatch(b -> b.contains("<background-operation-bar"));
    assertThat(examples).anyMatch(b -> b.contains("<background-operations "));
  }

  @Test
  void every_html_example_runs_on_a_page_of_the_demo() throws IOException {
    Pages pages = new Pages();
    demo.serve(pages, "/readme");
    runAll(pages, origin(demo.port()), "");
  }

  @Test
  void every_html_example_runs_from_another_origin_with_the_callers_cookies() throws IOException {
    Pages pages = new Pages();
    other.getServerConfiguration().addHttpHandler(pages, "/readme");
    other
        .getServerConfiguration()
        .addHttpHandler(new WebJarHandler(getClass().getClassLoader()), "/webjars");
    runAll(pages, origin(other.getListener("pages").getPort()), origin(demo.port()));
  }

  /**
   * Serves each example on {@code origin} with its API URLs prefixed by {@code api} (empty on the
   * demo's own origin) and checks what it shows.
   */
  private void runAll(Pages pages, String origin, String api) throws IOException {
    List<String> examples = htmlExamples();
    for (int i = 0; i < examples.size(); i++) {
      String example = examples.get(i).replace("url=\"/api/", "url=\"" + api + "/api/");
      String path = "/readme/" + i + ".html";
      pages.put(path, example);
      browser.open(origin + path);
      if (example.contains("<background-operation-bar")) {
        checkBar(example);
      }
      if (example.contains("<background-operations ")) {
        checkList(api);
      }
    }
  }

  private void checkBar(String example) {
    WebElement host = browser.until(d -> d.findElement(By.tagName("background-operation-bar")));
    browser.until(d -> host.getShadowRoot());
    WebElement start = browser.driver.findElement(By.cssSelector("button[onclick*='.start()']"));
    start.click();
    browser.until(d -> ACTIVE.contains(String.valueOf(host.getAttribute("state"))));
    assertThat(host.getAttribute("error")).isNull();
    if (example.contains(".stop()")) {
      browser.driver.findElement(By.cssSelector("button[onclick*='.stop()']")).click();
      browser.until(d -> "stopped".equals(host.getAttribute("state")));
    }
  }

  private void checkList(String api) {
    WebElement host = browser.driver.findElement(By.tagName("background-operations"));
    String type = host.getAttribute("type");
    Object status =
        browser.driver.executeAsyncScript(
            "fetch(arguments[0], {method: 'POST', credentials: 'include',"
                + " headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({rows: 100})})"
                + ".then(r => arguments[2](r.status), e => arguments[2](String(e)))",
            api + "/api/operations/" + type,
            null);
    assertThat(status).isEqualTo(202L);
    browser.driver.navigate().refresh();
    WebElement list = browser.until(d -> d.findElement(By.tagName("background-operations")));
    SearchContext root = browser.until(d -> list.getShadowRoot());
    browser.until(d -> !root.findElements(By.cssSelector("[part=item]")).isEmpty());
    assertThat(list.getAttribute("error")).isNull();
  }

  /** The examples as pages, each wrapped in a minimal English document. */
  static final class Pages extends HttpHandler {
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();

    void put(String path, String body) {
      String html =
          "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
              + "<link rel=\"icon\" href=\"data:,\"><title>README example</title></head>\n<body>\n"
              + body
              + "</body>\n</html>\n";
      pages.put(path, html.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void service(Request request, Response response) throws IOException {
      byte[] page = pages.get(request.getRequestURI());
      if (page == null) {
        response.sendError(404);
        return;
      }
      response.setContentType("text/html; charset=utf-8");
      response.setContentLength(page.length);
      response.getOutputStream().write(page);
    }
  }
}
