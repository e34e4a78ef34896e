package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;

/**
 * The operator console of issue 26 on two demo nodes sharing one PostgreSQL, in Chromium: two users
 * start operations on the two nodes (alice a long CSV export on node-a; bob a missile flight and a
 * jam, a type that fails with a cause, on node-b); the admin signs in at {@code /admin} of node-a
 * and sees all three with both owners and both nodes, watches the export's bar move with no reload,
 * stops the flight that runs on node-b through the confirmation dialog (node-b stops it), and reads
 * the jam's cause in its details. Over plain HTTP, the admin API answers 404 to an anonymous caller
 * and to a forged session, and 200 to the admin's session. Each run gets a schema of its own.
 */
final class AdminConsoleIT {
  private static final String ADMIN_PASSWORD = "console-it";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path plugins;
  @TempDir Path downloads;
  private ClusterSchema schema;
  private DemoServer nodeA;
  private DemoServer nodeB;

  @BeforeEach
  void createSchema() throws Exception {
    schema = ClusterSchema.create("console");
    jamPlugin(plugins.resolve("jam-plugin.jar"));
  }

  @AfterEach
  void stop() throws SQLException {
    try {
      if (nodeA != null) {
        nodeA.close();
      }
      if (nodeB != null) {
        nodeB.close();
      }
    } finally {
      if (schema != null) {
        schema.close();
      }
    }
  }

  @Test
  void
      an_admin_sees_two_users_on_two_nodes_follows_one_live_stops_one_across_nodes_and_reads_a_cause()
          throws Exception {
    // The browser starts first: on a busy machine its start alone can take seconds.
    try (Browser browser = new Browser(downloads)) {
      // Which node claims an operation is the engines' choice; these starts leave none: node-b
      // is alone when the flight starts, and only node-a has the jam's plugin.
      HttpClient alice = client();
      HttpClient bob = client();
      nodeB = node("node-b", null);
      String flightId = start(bob, nodeB, "missile-launch", "{}");
      awaitStatus(
          bob, nodeB, "missile-launch", flightId, "\"state\":\"RUNNING\"", "\"node\":\"node-b\"");
      nodeA = node("node-a", plugins);
      String jamId = start(bob, nodeA, "jam", "{}");
      String exportId = start(alice, nodeA, "csv-export", "{\"rows\":100000}");
      awaitStatus(bob, nodeA, "jam", jamId, "\"state\":\"FAILED\"", "\"node\":\"node-a\"");
      awaitStatus(alice, nodeA, "csv-export", exportId, "\"state\":\"RUNNING\"");

      String admin = "http://localhost:" + nodeA.port() + "/admin";
      browser.open(admin);
      browser.driver.findElement(By.name("password")).sendKeys(ADMIN_PASSWORD);
      browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
      browser.until(d -> rows(browser).size() == 3);

      Map<String, List<String>> rows = rows(browser);
      assertThat(rows.get(exportId)).startsWith(exportId, "csv-export", "Running");
      assertThat(rows.get(flightId)).startsWith(flightId, "missile-launch", "Running");
      assertThat(rows.get(jamId)).startsWith(jamId, "jam", "Failed");
      assertThat(rows.get(flightId).get(4)).isEqualTo("node-b");
      assertThat(rows.get(jamId).get(4)).isEqualTo("node-a");
      assertThat(rows.get(exportId).get(3)).as("alice").isNotEqualTo(rows.get(flightId).get(3));
      assertThat(rows.get(flightId).get(3)).as("bob").isEqualTo(rows.get(jamId).get(3));
      List<String> running = List.of(rows.get(exportId).get(4), rows.get(flightId).get(4));
      browser.until(d -> nodesInSummary(browser).containsAll(running));

      // Live: the export's bar moves while the page stays as it is.
      Object page = browser.driver.executeScript("return window.performance.timeOrigin");
      long first = progress(browser, exportId);
      browser.until(d -> progress(browser, exportId) > first);
      assertThat(browser.driver.executeScript("return window.performance.timeOrigin"))
          .isEqualTo(page);

      // Stop the flight that node-b runs, from node-a, through the dialog.
      SearchContext console = browser.until(d -> d.findElement(By.id("console")).getShadowRoot());
      console
          .findElement(By.cssSelector("tr[data-id='" + flightId + "'] button[data-action=stop]"))
          .click();
      assertThat(console.findElement(By.cssSelector("dialog[open]")).getText())
          .contains("Stop operation " + flightId + " (missile-launch)");
      console.findElement(By.id("ok")).click();
      awaitStatus(
          bob, nodeB, "missile-launch", flightId, "\"state\":\"STOPPED\"", "\"node\":\"node-b\"");
      browser.until(d -> rows(browser).get(flightId).get(2).equals("Stopped"));

      // The jam's cause, preformatted in its details.
      console
          .findElement(By.cssSelector("tr[data-id='" + jamId + "'] button[data-action=details]"))
          .click();
      browser.until(d -> !cause(browser).isEmpty());
      assertThat(cause(browser)).contains("IllegalStateException", JamProvider.CAUSE);
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }

  @Test
  void the_admin_api_answers_only_a_valid_session() throws Exception {
    nodeA = node("node-a", null);
    String base = "http://localhost:" + nodeA.port();
    HttpClient http = HttpClient.newHttpClient();
    String summary = base + "/api/operations/_admin/summary";

    assertThat(get(http, summary, null).statusCode()).isEqualTo(404);
    assertThat(get(http, summary, "asyncops-admin=AAAAAAAAAAAAAAAAAAAAAA").statusCode())
        .isEqualTo(404);

    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    HttpResponse<String> answer = get(http, summary, cookie.substring(0, cookie.indexOf(';')));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("\"types\"", "\"nodes\"");
  }

  private DemoServer node(String name, Path pluginDir) {
    return DemoServer.start(
        schema.store(
            DemoOptions.defaults()
                .withPort(0)
                .withLanguage(Language.EN)
                .withFlight(Duration.ofSeconds(120))
                .withNodeId(name)
                .withPlugins(pluginDir)
                .withAdminPassword(ADMIN_PASSWORD)));
  }

  /** The console's rows: id to the cells' texts (id, type, state, owner, node, progress, ...). */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> rows(Browser browser) {
    return (Map<String, List<String>>)
        browser.driver.executeScript(
            "const root = document.getElementById('console')?.shadowRoot;"
                + " if (!root) return {};"
                + " return Object.fromEntries([...root.querySelectorAll('[part=operations] tbody tr')]"
                + ".map(tr => [tr.dataset.id, [...tr.cells].map(c => c.textContent.trim())]));");
  }

  @SuppressWarnings("unchecked")
  private static List<String> nodesInSummary(Browser browser) {
    return (List<String>)
        browser.driver.executeScript(
            "return [...document.getElementById('console').shadowRoot"
                + ".querySelectorAll('[part=nodes] tbody button')].map(b => b.textContent);");
  }

  private static long progress(Browser browser, String id) {
    Object now =
        browser.driver.executeScript(
            "return document.getElementById('console').shadowRoot"
                + ".querySelector(`tr[data-id='${arguments[0]}'] [role=progressbar]`)"
                + "?.getAttribute('aria-valuenow') ?? '-1';",
            id);
    return Long.parseLong((String) now);
  }

  private static String cause(Browser browser) {
    return (String)
        browser.driver.executeScript(
            "const pre = document.getElementById('console').shadowRoot.querySelector('pre[part=cause]');"
                + " return pre.hidden ? '' : pre.textContent;");
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .cookieHandler(new CookieManager())
        .build();
  }

  private static String start(HttpClient client, DemoServer node, String type, String body)
      throws Exception {
    HttpResponse<String> started =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + node.port() + "/api/operations/" + type))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(started.body());
    assertThat(id.find()).as(started.body()).isTrue();
    return id.group(1);
  }

  private static void awaitStatus(
      HttpClient client, DemoServer node, String type, String id, String... parts) {
    String url = "http://localhost:" + node.port() + "/api/operations/" + type + "/" + id;
    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () -> get(client, url, null).body(), body -> Stream.of(parts).allMatch(body::contains));
  }

  private static HttpResponse<String> get(HttpClient client, String url, String cookie)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A plugin jar with {@link JamProvider}'s classes and the services file that names it. */
  private static void jamPlugin(Path target) throws IOException, URISyntaxException {
    Path classes =
        Path.of(JamProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = classes.resolve(JamProvider.class.getPackageName().replace('.', '/'));
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target));
        Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("JamProvider")).toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, jar);
        jar.closeEntry();
      }
      jar.putNextEntry(
          new JarEntry("META-INF/services/io.github.asyncops.core.spi.WorkerProvider"));
      jar.write((JamProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
  }
}
