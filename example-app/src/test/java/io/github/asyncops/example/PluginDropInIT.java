package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A plugin jar that the demo has never heard of, built in the reactor (examples/sample-plugin's tea
 * timer) and kept off the class path: dropped into {@code --plugins DIR}, it is listed by {@code
 * GET /api/operations}, gets a bar on the page, and runs to its end in headless Chromium. Without
 * the option the demo has only its own two types.
 */
final class PluginDropInIT {
  private static final Path PLUGINS = Path.of(System.getProperty("plugins.dir", "target/plugins"));

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path downloads;
  private DemoServer server;
  private Browser browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    server.close();
  }

  @Test
  void without_plugins_the_demo_has_its_own_two_types() throws Exception {
    server = DemoServer.start(DemoOptions.parse(List.of("--port", "0")));

    assertThat(typeNames()).containsExactly("csv-export", "missile-launch");
  }

  @Test
  void a_plugin_dropped_into_the_plugin_directory_gets_a_bar_that_runs_to_its_end()
      throws Exception {
    assertThat(jars(PLUGINS)).as("the sample plugin, copied by the build").isNotEmpty();
    server =
        DemoServer.start(
            DemoOptions.parse(List.of("--port", "0", "--plugins", PLUGINS.toString())));

    assertThat(typeNames()).containsExactly("csv-export", "missile-launch", "tea");
    assertThat(titleOf("tea")).isEqualTo("Чайный таймер");

    browser = new Browser(downloads);
    browser.open("http://localhost:" + server.port() + "/");
    assertThat(browser.text("flight")).isEqualTo("К полету готов");
    browser.until(d -> browser.text("bar-tea").equals("Готово к запуску"));
    assertThat(browser.host("bar-tea").findElement(By.xpath("..")).getText())
        .contains("Чайный таймер");

    browser.click("bar-tea", "start");
    browser.until(d -> browser.text("bar-tea").startsWith("Заваривается: "));
    browser.until(d -> "succeeded".equals(browser.state("bar-tea")));
    assertThat(browser.text("bar-tea")).isEqualTo("Чай готов");
    assertThat(browser.percent("bar-tea")).isEqualTo("100%");
    browser.screenshot("plugin-tea-finished");
  }

  private String titleOf(String name) throws IOException, InterruptedException {
    for (JsonNode type : types()) {
      if (type.get("name").asText().equals(name)) {
        return type.get("title").asText();
      }
    }
    throw new AssertionError("no type " + name);
  }

  private List<String> typeNames() throws IOException, InterruptedException {
    List<String> names = new ArrayList<>();
    types().forEach(type -> names.add(type.get("name").asText()));
    return names;
  }

  @Test
  void the_plugin_generated_from_the_archetype_gets_a_bar_too(@TempDir Path plugins)
      throws Exception {
    Path generated = Path.of(System.getProperty("generated.plugin", "missing"));
    assertThat(generated).as("built by the archetype's integration test").isRegularFile();
    Files.copy(generated, plugins.resolve(generated.getFileName()));
    server =
        DemoServer.start(
            DemoOptions.parse(
                List.of("--port", "0", "--lang", "en", "--plugins", plugins.toString())));

    assertThat(typeNames()).containsExactly("csv-export", "missile-launch", "report");

    browser = new Browser(downloads, "en-US");
    browser.open("http://localhost:" + server.port() + "/");
    browser.until(d -> browser.text("bar-report").equals("Ready to start"));
    browser.click("bar-report", "start");
    browser.until(d -> browser.text("bar-report").startsWith("Step "));
    browser.until(d -> "succeeded".equals(browser.state("bar-report")));
    assertThat(browser.text("bar-report")).isEqualTo("Step 5 of 5");
    browser.screenshot("plugin-report-finished");
  }

  private JsonNode types() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + "/api/operations"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  private static List<Path> jars(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".jar")).toList();
    }
  }
}
