package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 25: one GLOBAL flight, two browsers, each in its own language. A Russian and an English
 * Chromium (their {@code Accept-Language}) watch the same flight on a server whose default is
 * Russian: each reads the page, the buttons, the start, the progress, the time left, the stop and
 * the boom in its language. The HTTP side is in the adapter's {@code LanguageTest}.
 */
final class DemoLanguagesIT {
  private static final String RU_FLYING = "Полет завершен на \\d+%";
  private static final String EN_FLYING = "Flight \\d+% complete";

  @TempDir Path downloads;
  private DemoServer server;
  private Browser russian;
  private Browser english;

  private void start(Duration flight) throws Exception {
    server = DemoServer.start(DemoOptions.defaults().withPort(0).withFlight(flight));
    russian = new Browser(Files.createTempDirectory(downloads, "ru"), "ru-RU");
    english = new Browser(Files.createTempDirectory(downloads, "en"), "en-US");
  }

  @AfterEach
  void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {russian, english, server}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private String page() {
    return "http://localhost:" + server.port() + "/";
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
    start(Duration.ofSeconds(60));
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

    russian.until(d -> russian.text("flight").matches(RU_FLYING));
    english.until(d -> english.text("flight").matches(EN_FLYING));
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
}
