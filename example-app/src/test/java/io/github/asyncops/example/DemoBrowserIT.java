package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The demo in real headless Chromium, as a person uses it: start, ping and stop a flight; reload
 * and a second browser mid-flight; a flight to the end; the CSV export and its download; the
 * network failing; and the server restarting. Each test has its own server with a 60-second flight,
 * long enough for any test to act mid-flight on a slow machine; the flight that runs to the end is
 * 8 seconds (four 2-second steps of 25%).
 */
final class DemoBrowserIT {
  private static final Duration FLIGHT = Duration.ofSeconds(60);
  private static final Duration SHORT_FLIGHT = Duration.ofSeconds(8);
  private static final String FLYING = "Полет завершен на \\d+%";

  @TempDir Path downloads;
  private DemoServer server;
  private Browser browser;

  @BeforeEach
  void start() {
    server = DemoServer.start(DemoOptions.defaults().withPort(0).withFlight(FLIGHT));
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

  private void launch(Browser b) {
    b.open(page());
    b.until(d -> b.text("flight").equals("К полету готов"));
    b.click("flight", "start");
    b.until(d -> b.text("flight").matches(FLYING));
  }

  @Test
  void start_moves_the_bar_ping_refreshes_it_and_stop_ends_polling() {
    browser.open(page());
    assertThat(browser.text("flight")).isEqualTo("К полету готов");
    assertThat(browser.host("flight").getAttribute("label")).isEqualTo("Время полета");

    browser.click("flight", "start");
    browser.until(d -> browser.text("flight").equals("Поехали!"));
    browser.until(d -> browser.text("flight").matches(FLYING));
    assertThat(Integer.parseInt(browser.ariaValueNow("flight"))).isBetween(1, 99);
    browser.screenshot("flight-running");

    browser.click("flight", "ping");
    browser.until(d -> browser.text("flight").matches(FLYING));

    browser.click("flight", "stop");
    browser.until(d -> "stopped".equals(browser.state("flight")));
    assertThat(browser.text("flight")).isEqualTo("Полет отменен");
    long requests = browser.apiRequests("missile-launch");
    Awaitility.await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(() -> browser.apiRequests("missile-launch") == requests);
  }

  @Test
  void a_reload_and_a_second_browser_follow_the_same_flight_without_a_new_start() throws Exception {
    launch(browser);
    String flight = browser.operationId("flight");

    browser.driver.navigate().refresh();
    browser.until(d -> flight.equals(browser.operationId("flight")));
    browser.until(d -> browser.text("flight").matches(FLYING));

    try (Browser other = new Browser(Files.createTempDirectory(downloads, "other"))) {
      other.open(page());
      other.until(d -> flight.equals(other.operationId("flight")));
      other.until(d -> other.text("flight").matches(FLYING));
    }
    assertThat(listOperations("missile-launch")).hasSize(1);
  }

  @Test
  void a_flight_runs_to_the_boom_at_one_hundred_percent() {
    server.close();
    server = DemoServer.start(DemoOptions.defaults().withPort(0).withFlight(SHORT_FLIGHT));
    launch(browser);

    browser.until(d -> "succeeded".equals(browser.state("flight")));

    assertThat(browser.text("flight")).isEqualTo("Кабуууум!");
    assertThat(browser.percent("flight")).isEqualTo("100%");
    assertThat(browser.ariaValueNow("flight")).isEqualTo("100");
    browser.screenshot("flight-finished");
  }

  @Test
  void the_export_downloads_its_csv_and_another_browser_does_not_see_it() throws Exception {
    browser.open(page());
    browser.bar("export");
    browser.driver.findElement(By.id("rows")).clear();
    browser.driver.findElement(By.id("rows")).sendKeys("120");
    browser.click("export", "start");
    browser.until(d -> "succeeded".equals(browser.state("export")));
    assertThat(browser.text("export")).isEqualTo("Выгружено 120 из 120 строк");

    browser.driver.findElement(By.id("download")).click();
    Path csv = downloads.resolve("export.csv");
    Awaitility.await().atMost(Browser.PATIENCE).until(() -> Files.exists(csv));
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(121).startsWith("id,name,amount", "1,item-1,10");
    assertThat(lines.get(120)).isEqualTo("120,item-120,1200");

    try (Browser other = new Browser(Files.createTempDirectory(downloads, "other"))) {
      other.open(page());
      other.bar("export");
      assertThat(other.state("export")).isNull();
      Object seen =
          other.driver.executeAsyncScript(
              "fetch('/api/operations/csv-export').then(r => r.json())"
                  + ".then(list => arguments[0](list.length))");
      assertThat(seen).isEqualTo(0L);
    }
  }

  @Test
  void a_network_failure_shows_the_error_and_the_bar_recovers_by_itself() {
    launch(browser);

    browser.offline(true);
    browser.until(d -> browser.host("flight").getAttribute("error") != null);
    assertThat(browser.text("flight")).isEqualTo("Нет связи, повторяем…");

    browser.offline(false);
    browser.until(d -> browser.host("flight").getAttribute("error") == null);
    browser.until(d -> browser.text("flight").matches(FLYING + "|Кабуууум!"));
  }

  @Test
  void after_a_server_restart_the_bar_says_the_flight_is_no_longer_known() {
    launch(browser);
    int port = server.port();

    server.close();
    server = DemoServer.start(DemoOptions.defaults().withPort(port).withFlight(FLIGHT));

    browser.until(d -> "lost".equals(browser.state("flight")));
    assertThat(browser.text("flight")).isEqualTo("Сервер больше не знает об этой операции");
  }

  private List<?> listOperations(String type) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(page() + "api/operations/" + type)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readValue(response.body(), List.class);
  }
}
