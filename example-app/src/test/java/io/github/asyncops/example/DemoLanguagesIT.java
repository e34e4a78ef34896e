package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 25: one GLOBAL flight, two browsers, each in its own language. A Russian and an English
 * Chromium (their {@code Accept-Language}) watch the same flight on a server whose default is
 * Russian: each reads the page, the buttons, the start, the progress, the time left, the stop and
 * the boom in its language, and at one moment the Russian bar reads "Полет завершен на 40%" while
 * the English one reads "Flight 40% complete". The same holds across two nodes sharing PostgreSQL:
 * the flight runs on the node where the Russian browser started it, and the English browser follows
 * it through the other node, which renders the stored message (its key and arguments) in English.
 * The HTTP side is in the adapter's {@code LanguageTest}.
 */
final class DemoLanguagesIT {
  /** 25 steps of 2 s: the bar reads 40% from the 20th to the 22nd second, well before the end. */
  private static final Duration FLIGHT = Duration.ofSeconds(50);

  @TempDir Path downloads;
  private DemoServer server;
  private DemoServer other;
  private ClusterSchema schema;
  private Browser russian;
  private Browser english;

  private void browsers() throws Exception {
    russian = new Browser(Files.createTempDirectory(downloads, "ru"), "ru-RU");
    english = new Browser(Files.createTempDirectory(downloads, "en"), "en-US");
  }

  private void start(Duration flight) throws Exception {
    server = DemoServer.start(DemoOptions.defaults().withPort(0).withFlight(flight));
    browsers();
  }

  private DemoServer node(String name) {
    return DemoServer.start(
        schema.store(DemoOptions.defaults().withPort(0).withFlight(FLIGHT).withNodeId(name)));
  }

  /** Closes everything, the schema last, even when one close fails; then reports the failures. */
  @AfterEach
  void stop() {
    IllegalStateException failed = null;
    for (AutoCloseable closeable : new AutoCloseable[] {russian, english, server, other, schema}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        if (failed == null) {
          failed = new IllegalStateException("closing after the test failed", e);
        } else {
          failed.addSuppressed(e);
        }
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private String page() {
    return page(server);
  }

  private static String page(DemoServer node) {
    return "http://localhost:" + node.port() + "/";
  }

  private static String button(Browser browser, String action) {
    return browser
        .driver
        .findElement(By.cssSelector("button[data-bar='flight'][data-action='" + action + "']"))
        .getText();
  }

  private static String timeLine(Browser browser) {
    return browser.bar("flight").findElement(By.cssSelector("[part=time]")).getText();
  }

  @Test
  void two_browsers_read_one_flight_each_in_its_language_until_the_stop() throws Exception {
    start(FLIGHT);
    english.open(page());
    russian.open(page());
    english.until(d -> english.text("flight").equals("Ready for launch"));
    russian.until(d -> russian.text("flight").equals("К полету готов"));
    assertThat(button(english, "start")).isEqualTo("Start");
    assertThat(button(english, "stop")).isEqualTo("Stop");
    assertThat(button(russian, "start")).isEqualTo("Запустить");
    assertThat(button(russian, "stop")).isEqualTo("Остановить");
    assertThat(english.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

    english.click("flight", "start");
    english.until(d -> english.text("flight").equals("Liftoff!"));
    String flight = english.operationId("flight");
    russian.driver.navigate().refresh();
    russian.until(d -> flight.equals(russian.operationId("flight")));

    atTheSameMoment(40);
    russian.until(d -> timeLine(russian).contains("ещё примерно"));
    english.until(d -> timeLine(english).contains("left"));
    assertThat(timeLine(russian)).startsWith("прошло: ");
    assertThat(timeLine(english)).contains("elapsed");

    russian.click("flight", "stop");
    russian.until(d -> "stopped".equals(russian.state("flight")));
    english.until(d -> "stopped".equals(english.state("flight")));
    assertThat(russian.text("flight")).isEqualTo("Полет отменен");
    assertThat(english.text("flight")).isEqualTo("Flight cancelled");
  }

  @Test
  void both_browsers_hear_the_boom_in_their_language() throws Exception {
    start(Duration.ofSeconds(8));
    russian.open(page());
    russian.until(d -> russian.text("flight").equals("К полету готов"));
    russian.click("flight", "start");
    russian.until(d -> russian.text("flight").equals("Поехали!"));
    String flight = russian.operationId("flight");
    english.open(page());
    english.until(d -> flight.equals(english.operationId("flight")));

    russian.until(d -> "succeeded".equals(russian.state("flight")));
    english.until(d -> "succeeded".equals(english.state("flight")));

    assertThat(russian.text("flight")).isEqualTo("Кабуууум!");
    assertThat(english.text("flight")).isEqualTo("Kaboooom!");
    english.screenshot("flight-finished-en");
  }

  @Test
  void across_two_nodes_the_node_that_did_not_run_the_flight_renders_it_in_english()
      throws Exception {
    // The browsers start first: on a busy machine their start alone can take seconds.
    browsers();
    schema = ClusterSchema.create("languages");
    // Node 1 is alone when the Russian browser starts the flight, so node 1 runs it.
    server = node("node-1");
    russian.open(page(server));
    russian.until(d -> russian.text("flight").equals("К полету готов"));
    russian.click("flight", "start");
    russian.until(d -> russian.text("flight").equals("Поехали!"));
    String flight = russian.operationId("flight");
    awaitStatus(server, flight, "\"state\":\"RUNNING\"", "\"node\":\"node-1\"");

    other = node("node-2");
    english.open(page(other));
    english.until(d -> flight.equals(english.operationId("flight")));
    atTheSameMoment(40);

    english.click("flight", "stop");
    russian.until(d -> "stopped".equals(russian.state("flight")));
    english.until(d -> "stopped".equals(english.state("flight")));
    assertThat(russian.text("flight")).isEqualTo("Полет отменен");
    assertThat(english.text("flight")).isEqualTo("Flight cancelled");
    String end = awaitStatus(other, flight, "\"state\":\"STOPPED\"");
    assertThat(end).as("node-1 ran the flight to its stop").contains("\"node\":\"node-1\"");
    // The row keeps node 1's text in its default language, Russian, and the message: node 2
    // rendered the English text from the message's key itself.
    String row = "FROM asyncops_operation WHERE id = ?";
    assertThat(schema.text("SELECT progress_text " + row, flight)).isEqualTo("Полет отменен");
    assertThat(Message.decode(schema.text("SELECT progress_message " + row, flight)))
        .isEqualTo(Message.of("flight.cancelled"));
  }

  /**
   * Waits until, at one moment, the Russian bar reads "Полет завершен на N%" and the English one
   * "Flight N% complete" for N = {@code percent}, each bar's percent N% too. The flight's bars poll
   * every 3 s (its {@code Retry-After}), each on its own clock, while the flight moves every 2 s,
   * so two viewers left alone may never show one step at once: here both ask their node now, as the
   * page's Poll button does, until the answers agree on N.
   */
  private void atTheSameMoment(int percent) {
    List<String> ru = List.of("Полет завершен на " + percent + "%", percent + "%");
    List<String> en = List.of("Flight " + percent + "% complete", percent + "%");
    List<List<String>> seen = new ArrayList<>(List.of(List.of(), List.of()));
    russian.until(
        () -> "the bars to read " + ru + " and " + en + " at once; last read " + seen,
        d -> {
          seen.set(0, russian.pingNow("flight"));
          seen.set(1, english.pingNow("flight"));
          return seen.equals(List.of(ru, en));
        });
  }

  /** The flight's status on a node once it has all the parts, in the node's JSON. */
  private static String awaitStatus(DemoServer node, String id, String... parts) {
    HttpClient client = HttpClient.newHttpClient();
    URI status =
        URI.create("http://localhost:" + node.port() + "/api/operations/missile-launch/" + id);
    return Awaitility.await()
        .atMost(Browser.PATIENCE)
        .until(
            () ->
                client
                    .send(
                        HttpRequest.newBuilder(status).build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body(),
            body -> List.of(parts).stream().allMatch(body::contains));
  }
}
