package io.github.asyncops.example;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium with a fresh profile (so its own cookies: a separate browser
 * context), driven through Debian's chromedriver. Nothing is downloaded.
 */
final class Browser implements AutoCloseable {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  /** A script expression: the text and the percent of the bar whose shadow root is {@code root}. */
  private static final String TEXT_AND_PERCENT =
      "[root.querySelector('[part=text]').textContent.trim(),"
          + " root.querySelector('[part=percent]').textContent.trim()]";

  /** How long a wait for the page may take before the test fails. */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  final ChromeDriver driver;
  final Path downloads;

  /** A browser whose user reads Russian, the seed's language, as most tests expect. */
  Browser(Path downloads) {
    this(downloads, "ru-RU");
  }

  /**
   * A browser whose user prefers a language: its {@code Accept-Language} and {@code
   * navigator.language}.
   *
   * @param downloads where downloads go
   * @param language a language tag such as {@code en-US}
   */
  Browser(Path downloads, String language) {
    if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
      throw new IllegalStateException(
          "browser tests need Debian's chromium and chromium-driver: "
              + "apt-get install -y chromium chromium-driver (.ci/run does this)");
    }
    this.downloads = downloads;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1000,800",
        "--lang=" + language);
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toString(),
            "download.prompt_for_download",
            false,
            "intl.accept_languages",
            language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
  }

  void open(String url) {
    driver.get(url);
  }

  /** The shadow root of a {@code <background-operation-bar>} with this id, once upgraded. */
  SearchContext bar(String id) {
    return until(d -> d.findElement(By.id(id)).getShadowRoot());
  }

  String text(String barId) {
    return bar(barId).findElement(By.cssSelector("[part=text]")).getText();
  }

  String percent(String barId) {
    return bar(barId).findElement(By.cssSelector("[part=percent]")).getText();
  }

  /**
   * The bar's text and percent, read together in one script, so that no update falls between them.
   *
   * @param barId the bar's id
   * @return the text, then the percent
   */
  List<String> textAndPercent(String barId) {
    @SuppressWarnings("unchecked")
    List<String> both =
        (List<String>)
            driver.executeScript(
                "const root = document.getElementById(arguments[0]).shadowRoot; return "
                    + TEXT_AND_PERCENT
                    + ";",
                barId);
    return both;
  }

  /**
   * Polls the bar's operation now, as the page's Poll button does ({@code bar.ping()}), and reads
   * the bar once the answer is shown.
   *
   * @param barId the bar's id
   * @return the text, then the percent
   */
  List<String> pingNow(String barId) {
    @SuppressWarnings("unchecked")
    List<String> both =
        (List<String>)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " const bar = document.getElementById(arguments[0]);"
                    + " const root = bar.shadowRoot;"
                    + " bar.ping().then(() => done("
                    + TEXT_AND_PERCENT
                    + "));",
                barId);
    return both;
  }

  String ariaValueNow(String barId) {
    return bar(barId).findElement(By.cssSelector("[part=bar]")).getAttribute("aria-valuenow");
  }

  String state(String barId) {
    return host(barId).getAttribute("state");
  }

  WebElement host(String barId) {
    return driver.findElement(By.id(barId));
  }

  /** The id of the operation a bar follows, or null. */
  String operationId(String barId) {
    return (String)
        driver.executeScript(
            "return document.getElementById(arguments[0]).status?.id ?? null", barId);
  }

  void click(String barId, String action) {
    driver
        .findElement(
            By.cssSelector("button[data-bar='" + barId + "'][data-action='" + action + "']"))
        .click();
  }

  /** How many requests the page made so far about operations of one type. */
  long apiRequests(String type) {
    return (Long)
        driver.executeScript(
            "return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/operations/' + arguments[0])).length",
            type);
  }

  /** The console's errors since the last call (a failed resource load is one). */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  void offline(boolean offline) {
    ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
    conditions.setOffline(offline);
    driver.setNetworkConditions(conditions);
  }

  <T> T until(Function<ChromeDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE).until(d -> condition.apply(driver));
  }

  /**
   * Waits for a condition, and names what did not happen if it times out.
   *
   * @param what what was awaited and what was seen last, for the failure's message
   * @param condition a value when met; null or false until then
   * @return the condition's value
   */
  <T> T until(Supplier<String> what, Function<ChromeDriver, T> condition) {
    return new WebDriverWait(driver, PATIENCE)
        .withMessage(what)
        .until(d -> condition.apply(driver));
  }

  void screenshot(String name) {
    Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
