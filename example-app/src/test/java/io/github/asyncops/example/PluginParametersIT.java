package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A dropped-in plugin whose type takes parameters gets a window with a field for each, built from
 * the parameter schema in the adapter's OpenAPI document: the browser insists on the required one,
 * and a start sends what the fields hold, so the plugin starts with its parameters instead of
 * {@code {}}.
 */
final class PluginParametersIT {
  @TempDir Path plugins;
  @TempDir Path downloads;
  private DemoServer server;
  private Browser browser;

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void a_plugin_window_has_a_field_per_parameter_and_starts_with_them() throws Exception {
    jar(plugins.resolve("print-plugin.jar"));
    server =
        DemoServer.start(
            DemoOptions.parse(
                List.of("--port", "0", "--lang", "en", "--plugins", plugins.toString())));
    browser = new Browser(downloads, "en-US");
    browser.open("http://localhost:" + server.port() + "/");
    browser.until(d -> browser.text("bar-print").equals("Ready to start"));

    WebElement window = browser.driver.findElement(By.cssSelector("form[data-type=print]"));
    WebElement pages = window.findElement(By.name("pages"));
    assertThat(pages.getAttribute("type")).isEqualTo("number");
    assertThat(pages.getAttribute("required")).isNotNull();
    assertThat(window.findElement(By.name("title")).getAttribute("required")).isNull();
    assertThat(window.findElement(By.name("duplex")).getAttribute("type")).isEqualTo("checkbox");
    assertThat(window.getText()).contains("pages *");

    browser.click("bar-print", "start");
    assertThat(
            (Boolean)
                browser.driver.executeScript("return arguments[0].validity.valueMissing", pages))
        .as("the browser holds a start without the required field")
        .isTrue();
    assertThat(browser.state("bar-print")).isNull();

    pages.sendKeys("3");
    window.findElement(By.name("title")).sendKeys("Q4 report");
    window.findElement(By.name("duplex")).click();
    browser.click("bar-print", "start");
    browser.until(d -> "succeeded".equals(browser.state("bar-print")));
    assertThat(browser.text("bar-print")).isEqualTo("Printed 3 of 3 pages of Q4 report, duplex");
    assertThat(browser.host("bar-print").getAttribute("error")).isNull();
  }

  /** A plugin jar with {@link PrintProvider}'s classes and the services file that names it. */
  private static void jar(Path target) throws IOException, URISyntaxException {
    Path classes =
        Path.of(PrintProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = classes.resolve(PrintProvider.class.getPackageName().replace('.', '/'));
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target));
        Stream<Path> files = Files.list(dir)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("PrintProvider")).toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, jar);
        jar.closeEntry();
      }
      jar.putNextEntry(
          new JarEntry("META-INF/services/io.github.asyncops.core.spi.WorkerProvider"));
      jar.write((PrintProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
  }
}
