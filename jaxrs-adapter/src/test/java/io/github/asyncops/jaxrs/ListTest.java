package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code GET {base}} (the types) and {@code GET {base}/{type}} (the operations, with {@code
 * active}, {@code key} and {@code limit}). Who sees what in lists is in the ownership test.
 */
final class ListTest extends GrizzlyTest {

  @Test
  void types_lists_every_type_with_its_scope_and_policy() {
    Response response = call("operations").get();

    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode types = Http.json(response);
    assertThat(types.findValuesAsText("name"))
        .containsExactly(
            "answer",
            "csv-export",
            "keyed",
            "missile-launch",
            "reject",
            "restart",
            "spoken-flight");
    JsonNode missile = types.get(3);
    assertThat(missile.path("title").asText()).isEqualTo("Запуск ракеты");
    assertThat(missile.path("scope").asText()).isEqualTo("GLOBAL");
    assertThat(missile.path("startPolicy").asText()).isEqualTo("JOIN");
    assertThat(types.get(1).path("scope").asText()).isEqualTo("USER");
  }

  @Test
  void list_shows_operations_newest_first() {
    String first = start("missile-launch").path("id").asText();
    call("operations/missile-launch/" + first + "/stop").post(null);
    harness.fixture.awaitState(OperationId.of(first), OperationState.STOPPED);
    harness.fixture.clock.advance(Duration.ofSeconds(1));
    String second = start("missile-launch").path("id").asText();

    Response response = call("operations/missile-launch").get();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(Http.json(response).findValuesAsText("id")).containsExactly(second, first);
  }

  @Test
  void list_of_active_operations_with_limit_1_finds_the_one_to_resume() {
    String first = start("missile-launch").path("id").asText();
    call("operations/missile-launch/" + first + "/stop").post(null);
    harness.fixture.awaitState(OperationId.of(first), OperationState.STOPPED);
    harness.fixture.clock.advance(Duration.ofSeconds(1));

    JsonNode none = Http.json(call("operations/missile-launch?active=true&limit=1").get());
    String running = start("missile-launch").path("id").asText();
    JsonNode one = Http.json(call("operations/missile-launch?active=true&limit=1").get());
    JsonNode limited = Http.json(call("operations/missile-launch?limit=1").get());

    assertThat(none).isEmpty();
    assertThat(one.findValuesAsText("id")).containsExactly(running);
    assertThat(one.get(0).path("active").asBoolean()).isTrue();
    assertThat(limited.findValuesAsText("id")).containsExactly(running);
  }

  @Test
  void list_by_key_shows_only_that_key() {
    String a = Http.json(post("operations/keyed?key=a", "{}")).path("id").asText();
    post("operations/keyed?key=b", "{}");

    JsonNode list = Http.json(call("operations/keyed?key=a").get());

    assertThat(list.findValuesAsText("id")).containsExactly(a);
  }

  @Test
  void list_with_malformed_parameters_answers_400() {
    Http.problem(
        call("operations/missile-launch?limit=0").get(),
        400,
        "invalid-request",
        "Invalid request",
        "limit must be a whole number of at least 1");
    Http.problem(
        call("operations/missile-launch?limit=ten").get(),
        400,
        "invalid-request",
        "Invalid request",
        "limit");
    Http.problem(
        call("operations/missile-launch?active=yes").get(),
        400,
        "invalid-request",
        "Invalid request",
        "active must be true or false");
  }

  @Test
  void list_of_an_unknown_type_answers_404() {
    Http.problem(
        call("operations/launch-rocket").get(),
        404,
        "unknown-type",
        "Unknown operation type",
        "'launch-rocket'");
  }
}
