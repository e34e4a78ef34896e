package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncops.core.spi.WorkerProvider;
import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two-node demo's web node runs without the plugin jar (issue 24): a web node ({@code --workers
 * off}) in a JVM of its own, whose class path is this test's without the demo-plugins jar, any
 * other entry that provides a {@code WorkerProvider}, and the tests' classes, shares a PostgreSQL
 * schema with a worker node in this JVM. Through the web node's HTTP API it serves the page and the
 * same types and OpenAPI document as the worker node, and it starts, follows and stops a flight,
 * and starts an export whose file it serves, all run by the worker node. That the declarations
 * match the providers part by part is {@link WebNodeTypesTest}'s.
 */
final class WebNodeWithoutPluginsIT {
  /** A worker class of the demo plugins, which the web node's class path must not have. */
  private static final String PROVIDER = "io.github.asyncops.demo.MissileLaunchProvider";

  private static final String SERVICES = "META-INF/services/" + WorkerProvider.class.getName();

  /** How long the web node's JVM may take to start, and a flight or an export to move. */
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final Pattern RUNNING_AT =
      Pattern.compile("asyncops demo running at http://localhost:(\\d+)/");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LOG = Path.of("target", "web-node.log");

  private static ClusterSchema schema;
  private static List<Path> webClassPath;
  private static DemoServer worker;
  private static Process web;
  private static String webBase;
  private static String workerBase;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .build();

  @BeforeAll
  static void start() throws Exception {
    schema = ClusterSchema.create("web");
    worker =
        DemoServer.start(
            schema.store(
                DemoOptions.defaults()
                    .withPort(0)
                    .withNodeId("worker")
                    .withLanguage(Language.EN)
                    .withFlight(Duration.ofSeconds(60))));
    workerBase = "http://localhost:" + worker.port();
    webClassPath = withoutWorkers(classPath());
    Files.deleteIfExists(LOG);
    web =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(File.pathSeparator, webClassPath.stream().map(Path::toString).toList()),
                DemoApp.class.getName(),
                "--port",
                "0",
                "--node-id",
                "web",
                "--workers",
                "off",
                "--lang",
                "en",
                "--jdbc-url",
                schema.jdbcUrl(),
                "--jdbc-user",
                ClusterSchema.USER,
                "--jdbc-password",
                ClusterSchema.PASSWORD)
            .redirectErrorStream(true)
            .redirectOutput(LOG.toFile())
            .start();
    String port =
        Awaitility.await("the web node's JVM prints its port (see " + LOG + ")")
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(100))
            .until(WebNodeWithoutPluginsIT::portOfTheWebNode, p -> p != null);
    webBase = "http://localhost:" + port;
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (web != null) {
        web.destroy(); // SIGTERM: the demo's shutdown hook closes it gracefully
        if (!web.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
          web.destroyForcibly().waitFor();
        }
      }
    } finally {
      if (worker != null) {
        worker.close();
      }
      if (schema != null) {
        schema.close();
      }
    }
  }

  @Test
  void the_web_nodes_class_path_has_no_worker_class() throws Exception {
    assertThat(Class.forName(PROVIDER))
        .as("this test's own class path has the plugins, so leaving them out is tested")
        .isNotNull();
    try (URLClassLoader loader = loader(webClassPath)) {
      assertThatThrownBy(() -> Class.forName(PROVIDER, false, loader))
          .isInstanceOf(ClassNotFoundException.class);
      assertThat(Class.forName(DemoApp.class.getName(), false, loader).getClassLoader())
          .isSameAs(loader);
      Class<?> spi = Class.forName(WorkerProvider.class.getName(), false, loader);
      assertThat(ServiceLoader.load(spi, loader).stream().map(p -> p.type().getName()))
          .as("worker providers on the web node's class path")
          .isEmpty();
    }
  }

  @Test
  void the_web_node_serves_the_page_types_and_openapi_of_the_worker_node() throws Exception {
    HttpResponse<String> page = get(webBase + "/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body())
        .contains(
            "data-type=\"missile-launch\"",
            "Missile launch",
            "data-type=\"csv-export\"",
            "CSV export");

    JsonNode types = json(get(webBase + "/api/operations"));
    assertThat(types).isEqualTo(json(get(workerBase + "/api/operations")));
    assertThat(types.findValuesAsText("name")).containsExactly("csv-export", "missile-launch");
    assertThat(json(get(webBase + "/api/operations/openapi.json")))
        .as("the web node's OpenAPI document, parameter schemas included")
        .isEqualTo(json(get(workerBase + "/api/operations/openapi.json")));
  }

  @Test
  void a_flight_started_on_the_web_node_runs_on_the_worker_and_stops_from_the_web_node()
      throws Exception {
    HttpResponse<String> started = post(webBase + "/api/operations/missile-launch", "{}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String self = "/api/operations/missile-launch/" + json(started).path("id").asText();

    JsonNode running =
        await(
            self,
            s -> s.path("state").asText().equals("RUNNING") && s.path("value").asDouble() > 0);
    assertThat(running.path("node").asText()).isEqualTo("worker");
    assertThat(running.path("text").asText()).matches("Flight \\d+% complete");
    double first = running.path("value").asDouble();
    JsonNode later = await(self, s -> s.path("value").asDouble() > first);
    assertThat(later.path("state").asText()).isEqualTo("RUNNING");

    HttpResponse<String> stopped = post(webBase + self + "/stop", "{}");
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    JsonNode end = await(self, s -> s.path("state").asText().equals("STOPPED"));
    assertThat(end.path("node").asText()).isEqualTo("worker");
    assertThat(end.path("stopRequested").asBoolean()).isTrue();
    assertThat(end.path("text").asText()).isEqualTo("Flight cancelled");
    assertThat(end.path("value").asDouble()).isLessThan(1);
    assertThat(json(get(workerBase + self)).path("state").asText())
        .as("on the worker node")
        .isEqualTo("STOPPED");
  }

  @Test
  void an_export_started_on_the_web_node_runs_on_the_worker_with_its_parameters() throws Exception {
    HttpResponse<String> started = post(webBase + "/api/operations/csv-export", "{\"rows\":120}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String self = "/api/operations/csv-export/" + json(started).path("id").asText();

    JsonNode end = await(self, s -> !s.path("active").asBoolean());
    assertThat(end.path("state").asText()).as(end.toString()).isEqualTo("SUCCEEDED");
    assertThat(end.path("node").asText()).isEqualTo("worker");
    assertThat(end.path("text").asText()).isEqualTo("Exported 120 of 120 rows");
    HttpResponse<String> file = get(webBase + end.path("links").path("result").asText());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body().lines()).hasSize(121).startsWith("id,name,amount", "1,item-1,10");
  }

  @Test
  void the_web_node_refuses_an_export_the_worker_would_refuse_with_the_same_problem()
      throws Exception {
    for (String body : List.of("{\"rows\":0}", "{}", "{\"rows\":100001}")) {
      HttpResponse<String> onWeb = post(webBase + "/api/operations/csv-export", body);
      HttpResponse<String> onWorker = post(workerBase + "/api/operations/csv-export", body);

      assertThat(onWeb.statusCode()).as(onWeb.body()).isEqualTo(400);
      assertThat(onWeb.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      JsonNode problem = json(onWeb);
      assertThat(problem.path("detail").asText())
          .as(body)
          .startsWith("rows: ")
          .isEqualTo(json(onWorker).path("detail").asText());
      assertThat(problem.path("type").asText()).isEqualTo(json(onWorker).path("type").asText());
    }
  }

  /** The status at a path of the web node, once it satisfies a condition. */
  private JsonNode await(String path, Predicate<JsonNode> condition) {
    return Awaitility.await(path + " on the web node")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> json(get(webBase + path)), condition::test);
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String body)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static String portOfTheWebNode() throws IOException {
    if (!web.isAlive()) {
      throw new AssertionError(
          "the web node ended with " + web.exitValue() + ":\n" + Files.readString(LOG));
    }
    Matcher running = RUNNING_AT.matcher(Files.readString(LOG, StandardCharsets.UTF_8));
    return running.find() ? running.group(1) : null;
  }

  private static List<Path> classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(Path::of)
        .toList();
  }

  /**
   * The class path without the tests' classes and every entry that provides a worker, which must
   * include the one with the demo plugins.
   */
  private static List<Path> withoutWorkers(List<Path> classPath) throws Exception {
    Path tests =
        Path.of(
            WebNodeWithoutPluginsIT.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    List<Path> kept = new ArrayList<>();
    List<Path> left = new ArrayList<>();
    for (Path entry : classPath) {
      if (entry.equals(tests) || has(entry, SERVICES)) {
        left.add(entry);
      } else {
        kept.add(entry);
      }
    }
    assertThat(left)
        .as("left out of the web node's class path")
        .anyMatch(entry -> has(entry, PROVIDER.replace('.', '/') + ".class"));
    return kept;
  }

  private static boolean has(Path entry, String resource) {
    if (Files.isDirectory(entry)) {
      return Files.exists(entry.resolve(resource));
    }
    if (!Files.isRegularFile(entry)) {
      return false;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      return jar.getEntry(resource) != null;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the class path entry " + entry, e);
    }
  }

  private static URLClassLoader loader(List<Path> classPath) throws IOException {
    URL[] urls = new URL[classPath.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = classPath.get(i).toUri().toURL();
    }
    return new URLClassLoader("web-node", urls, ClassLoader.getPlatformClassLoader());
  }
}
