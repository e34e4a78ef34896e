package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two demo nodes on one PostgreSQL, as store-jdbc's README shows them: a flight started on node 2
 * runs there, and the bar on node 1 follows it to the end in a real browser. Each run gets a schema
 * of its own, so runs never see each other's flights.
 */
final class DemoClusterIT {
  private static final String URL =
      System.getProperty("asyncops.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/asyncops");
  private static final String USER = System.getProperty("asyncops.jdbc.user", "asyncops");
  private static final String PASSWORD = System.getProperty("asyncops.jdbc.password", "asyncops");

  @TempDir Path downloads;
  private final String schema = "demo_" + UUID.randomUUID().toString().replace("-", "");
  private DemoServer node1;
  private DemoServer node2;

  @BeforeEach
  void createSchema() throws SQLException {
    sql("CREATE SCHEMA " + schema);
  }

  @AfterEach
  void stop() throws SQLException {
    if (node1 != null) {
      node1.close();
    }
    if (node2 != null) {
      node2.close();
    }
    sql("DROP SCHEMA " + schema + " CASCADE");
  }

  private DemoServer node(String name) {
    return DemoServer.start(
        DemoOptions.defaults()
            .withPort(0)
            .withFlight(Duration.ofSeconds(6))
            .withNodeId(name)
            .withJdbc(URL + "?currentSchema=" + schema, USER, PASSWORD));
  }

  @Test
  void the_bar_on_node_1_follows_a_flight_that_runs_on_node_2() throws Exception {
    // The browser starts first: on a busy machine its start alone can outlast the short flight.
    try (Browser browser = new Browser(downloads)) {
      node2 = node("node-2");
      // HTTP/1.1: the JDK client's default h2c upgrade on a POST with a body makes Grizzly 4.0.2
      // wait for the body until it times out (the adapter then answers 400).
      HttpResponse<String> started =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:"
                                  + node2.port()
                                  + "/api/operations/missile-launch"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      node1 = node("node-1");

      browser.open("http://localhost:" + node1.port() + "/");
      browser.until(d -> browser.text("flight").matches("Поехали!|Полет завершен на \\d+%"));
      browser.until(d -> "succeeded".equals(browser.state("flight")));
      assertThat(browser.text("flight")).isEqualTo("Кабуууум!");
      assertThat(browser.percent("flight")).isEqualTo("100%");
    }
  }

  private static void sql(String statement) throws SQLException {
    try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = connection.createStatement()) {
      s.execute(statement);
    }
  }
}
