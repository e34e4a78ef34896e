package io.github.asyncops.compat.consumers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.compat.Browser;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A new Spring Boot 4 application with only the starter, a worker bean and a plugin, as the starter
 * README shows (issue 21): a plugin's setting in {@code application.properties} reaches the plugin,
 * a missing parameter is named, {@code asyncops.store=jdbc} without the store's jar stops start-up
 * naming the jar, and with it the operations live in PostgreSQL.
 */
final class StarterIT {
  static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/asyncops";
  static final String TABLE_PREFIX = "consumer_";

  @Test
  void a_plugin_setting_in_application_properties_reaches_the_plugin() {
    Browser browser = new Browser(Apps.STARTER.base());
    HttpResponse<String> started = browser.postJson("missile-launch", "{}");
    String id = Browser.json(started.body()).path("id").asText();
    try {
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      String firstText =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> Browser.json(browser.get("missile-launch/" + id).body()).path("text"),
                  text -> !text.isMissingNode() && !text.isNull())
              .asText();
      assertThat(firstText).as("asyncops.plugins.missile-launch.lang=en").isEqualTo("Liftoff!");
    } finally {
      browser.postJson("missile-launch/" + id + "/stop", "{}");
    }
  }

  @Test
  void a_missing_parameter_is_named_as_required() {
    HttpResponse<String> answer = new Browser(Apps.STARTER.base()).postJson("export", "{}");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(Browser.json(answer.body()).path("detail").asText())
        .contains("rows")
        .contains("is required");
  }

  @Test
  void the_jdbc_store_without_its_jar_stops_start_up_and_names_the_jar() {
    ConsumerApp.Exit exit = Apps.STARTER.runToExit("--asyncops.store=jdbc");

    assertThat(exit.code()).isNotZero();
    assertThat(exit.output()).contains("io.github.asyncops:asyncops-store-jdbc");
  }

  @Test
  void on_spring_boot_3_the_starter_stops_start_up_and_names_boot_4() {
    ConsumerApp.Exit exit = Apps.STARTER_ON_BOOT_3.runToExit();

    assertThat(exit.code()).isNotZero();
    assertThat(exit.output())
        .contains("asyncops-spring-boot-starter needs Spring Boot 4.0 or later")
        .contains("Spring Boot 3.5.7");
  }

  @Test
  void with_the_store_jar_operations_live_in_postgresql() throws SQLException {
    Browser browser = new Browser(Apps.STARTER_JDBC.base());
    HttpResponse<String> started = browser.postJson("export", "{\"rows\": 3}");
    JsonNode status = Browser.json(started.body());

    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> rowsWithId(status.path("id").asText()) == 1);
  }

  private static int rowsWithId(String id) throws SQLException {
    try (Connection connection = DriverManager.getConnection(DATABASE, "asyncops", "asyncops");
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT count(*) FROM " + TABLE_PREFIX + "operation WHERE id = ?")) {
      count.setString(1, id);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
