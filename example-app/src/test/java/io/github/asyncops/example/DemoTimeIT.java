package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The demo's time on the bar and its "My operations" panel in real headless Chromium against the
 * real engine: time left appears and shrinks during a flight; the list keeps the visitor's export
 * over a reload, shows an export started in a second tab, and its download link fetches the file;
 * and the English page. The stalled hint is tested in widget-js's browser test, where the test
 * decides when an operation stalls.
 */
final class DemoTimeIT {
  private static final Pattern LEFT = Pattern.compile("ещё примерно (\\d+) секунд");

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

  private void open(DemoOptions options) {
    server = DemoServer.start(options.withPort(0));
    browser = new Browser(downloads, options.language() == Language.EN ? "en-US" : "ru-RU");
    browser.open("http://localhost:" + server.port() + "/");
  }

  private String timeLine(String barId) {
    return browser.bar(barId).findElement(By.cssSelector("[part=time]")).getText();
  }

  /** The seconds left that the flight bar shows, or -1 while it shows none. */
  private int secondsLeft() {
    Matcher m = LEFT.matcher(timeLine("flight"));
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  @Test
  void time_left_appears_during_a_flight_and_shrinks() {
    open(DemoOptions.defaults().withFlight(Duration.ofSeconds(60)));
    browser.until(d -> browser.text("flight").equals("К полету готов"));
    assertThat(timeLine("flight")).as("the seed's plain bar before a flight").isEmpty();

    browser.click("flight", "start");
    int first = browser.until(d -> secondsLeft() > 0 ? secondsLeft() : null);
    assertThat(first).isBetween(30, 59);
    assertThat(timeLine("flight")).startsWith("прошло: ");
    assertThat(
            browser
                .bar("flight")
                .findElement(By.cssSelector("[part=bar]"))
                .getAttribute("aria-valuetext"))
        .matches("Полет завершен на \\d+%, ещё примерно \\d+ секунд");
    browser.screenshot("flight-time-left");

    browser.until(d -> secondsLeft() > 0 && secondsLeft() <= first - 10);
  }

  @Test
  void the_list_keeps_the_export_over_a_reload_and_its_link_downloads_the_file() throws Exception {
    open(DemoOptions.defaults());
    String id = export(120);
    WebElement link = browser.until(d -> visibleDownload(id));
    assertThat(link.getText()).isEqualTo("Скачать");

    browser.driver.navigate().refresh();
    WebElement again = browser.until(d -> visibleDownload(id));
    assertThat(list().findElements(By.cssSelector("[part=item]"))).hasSize(1);
    browser.screenshot("my-operations");

    again.click();
    Path csv = downloads.resolve("export.csv");
    Awaitility.await().atMost(Browser.PATIENCE).until(() -> Files.exists(csv));
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(121).startsWith("id,name,amount");
  }

  @Test
  void an_export_started_in_a_second_tab_appears_in_the_first_tabs_list() {
    open(DemoOptions.defaults());
    list();
    String first = browser.driver.getWindowHandle();

    browser.driver.switchTo().newWindow(WindowType.TAB);
    browser.open("http://localhost:" + server.port() + "/");
    String id = export(50_000);

    browser.driver.switchTo().window(first);
    browser.until(d -> item(id) != null);
    assertThat(item(id).findElement(By.cssSelector("[part=stop]")).isDisplayed()).isTrue();
  }

  @Test
  void the_english_page_offers_the_panel_and_time_in_english() {
    open(DemoOptions.defaults().withLanguage(Language.EN).withFlight(Duration.ofSeconds(60)));
    assertThat(browser.driver.findElement(By.id("mine-title")).getText())
        .isEqualTo("My operations");
    String id = export(30);
    assertThat(browser.until(d -> visibleDownload(id)).getText()).isEqualTo("Download");

    browser.click("flight", "start");
    browser.until(d -> timeLine("flight").matches(".* elapsed · about \\d+ seconds left"));
  }

  /** Starts an export on the page's export bar and returns its id. */
  private String export(int rows) {
    browser.bar("export");
    browser.driver.findElement(By.id("rows")).clear();
    browser.driver.findElement(By.id("rows")).sendKeys(Integer.toString(rows));
    browser.click("export", "start");
    return browser.until(d -> browser.operationId("export"));
  }

  private SearchContext list() {
    return browser.until(d -> d.findElement(By.id("operations")).getShadowRoot());
  }

  private WebElement item(String id) {
    List<WebElement> found =
        list().findElements(By.cssSelector("[part=item][aria-labelledby='t-" + id + "']"));
    return found.isEmpty() ? null : found.get(0);
  }

  private WebElement visibleDownload(String id) {
    WebElement item = item(id);
    if (item == null) {
      return null;
    }
    WebElement link = item.findElement(By.cssSelector("[part=download]"));
    return link.isDisplayed() ? link : null;
  }
}
