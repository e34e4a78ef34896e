package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * The demo page as a showcase, in headless Chromium: no console error, buttons in the page's
 * language that look like the list's, one percent in the bar and in the worker's text, and a page
 * that idles quietly once its operations ended.
 */
final class DemoShowcaseIT {
  private static final Pattern TEXT_PERCENT = Pattern.compile("Полет завершен на (\\d+)%");

  @TempDir Path downloads;
  private DemoServer server;
  private Browser browser;

  @BeforeEach
  void start() {
    server =
        DemoServer.start(DemoOptions.defaults().withPort(0).withFlight(Duration.ofSeconds(60)));
    browser = new Browser(downloads);
  }

  @AfterEach
  void stop() {
    browser.close();
    server.close();
  }

  private String page() {
    return "http://localhost:" + server.port() + "/";
  }

  private List<String> buttons() {
    return browser.driver.findElements(By.cssSelector("button[data-action]")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void the_russian_page_loads_without_a_console_error_and_its_buttons_speak_russian() {
    browser.open(page());
    browser.bar("flight");
    browser.bar("export");
    SearchContext list = browser.until(d -> d.findElement(By.id("operations")).getShadowRoot());
    browser.until(d -> !list.findElement(By.cssSelector("[part=empty]")).getText().isEmpty());

    assertThat(buttons())
        .containsExactly("Запустить", "Опросить", "Остановить", "Запустить", "Остановить");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void the_english_page_has_english_buttons() {
    server.close();
    server = DemoServer.start(DemoOptions.defaults().withPort(0).withLanguage(Language.EN));
    browser.close();
    browser = new Browser(downloads, "en-US");
    browser.open(page());
    browser.bar("flight");
    assertThat(buttons()).containsExactly("Start", "Ping", "Stop", "Start", "Stop");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void the_list_stop_button_looks_like_the_page_buttons() {
    browser.open(page());
    browser.bar("export");
    browser.driver.findElement(By.id("rows")).clear();
    browser.driver.findElement(By.id("rows")).sendKeys("100000");
    browser.click("export", "start");
    SearchContext list = browser.until(d -> d.findElement(By.id("operations")).getShadowRoot());
    WebElement stop = browser.until(d -> list.findElement(By.cssSelector("[part=stop]")));
    browser.until(d -> stop.isDisplayed());
    WebElement pageButton =
        browser.driver.findElement(By.cssSelector("button[data-bar=export][data-action=stop]"));
    for (String property :
        List.of(
            "border-radius", "padding-left", "border-top-color", "font-size", "background-color")) {
      assertThat(stop.getCssValue(property))
          .as(property)
          .isEqualTo(pageButton.getCssValue(property));
    }
    assertThat(stop.getText()).isEqualTo(pageButton.getText()).isEqualTo("Остановить");
    browser.click("export", "stop");
    browser.until(d -> "stopped".equals(browser.state("export")));
  }

  @Test
  void the_bar_shows_the_percent_that_the_flight_text_says() {
    browser.open(page());
    browser.until(d -> browser.text("flight").equals("К полету готов"));
    browser.click("flight", "start");
    List<String> seen = new ArrayList<>();
    // A 60-second flight moves in 2-second steps of 1/30: 6.67% and 16.67% are among them, which
    // a truncating text would call 6% and 16% while the bar rounds to 7% and 17%.
    browser.until(
        d -> {
          List<String> textAndPercent = browser.textAndPercent("flight");
          Matcher m = TEXT_PERCENT.matcher(textAndPercent.get(0));
          if (!m.matches()) {
            return false;
          }
          seen.add(m.group(1) + "% / " + textAndPercent.get(1));
          return Integer.parseInt(m.group(1)) >= 20;
        });
    assertThat(seen).allSatisfy(pair -> assertThat(pair).matches("(\\d+%) / \\1"));
    browser.click("flight", "stop");
  }

  @Test
  void an_idle_page_with_a_finished_operation_makes_no_request_for_60_seconds() {
    browser.open(page());
    browser.bar("export");
    browser.driver.findElement(By.id("rows")).clear();
    browser.driver.findElement(By.id("rows")).sendKeys("50");
    browser.click("export", "start");
    browser.until(d -> "succeeded".equals(browser.state("export")));
    WebElement list = browser.driver.findElement(By.id("operations"));
    SearchContext root = list.getShadowRoot();
    browser.until(
        d ->
            !root.findElements(By.cssSelector("[part=item][data-state=succeeded]")).isEmpty()
                && list.getAttribute("polling") == null);
    assertThat(browser.state("flight")).isNull();

    long requests = requests();
    assertThat(requests).as("within the browser's buffer of 250 entries").isLessThan(250);
    Awaitility.await()
        .during(Duration.ofSeconds(60))
        .atMost(Duration.ofSeconds(75))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> requests() == requests);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /** Every request the page made so far: documents, scripts, fetches and event streams. */
  private long requests() {
    return (Long)
        browser.driver.executeScript("return performance.getEntriesByType('resource').length");
  }
}
