package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * Problems read in the viewer's language (issue 25): the adapter's own titles and details come from
 * its {@code problems} bundles in the language that {@code ?lang=} or {@code Accept-Language} asks
 * for, English for a language it has no bundle for, and each says which with {@code
 * Content-Language} and {@code Vary: Accept-Language}; the type URI, the status and the extension
 * members stay the same in every language. The fallback to an engine's own default locale is in
 * {@link ProblemDefaultLanguageTest}.
 */
final class ProblemLanguageTest extends GrizzlyTest {

  private Response get(String path, String acceptLanguage) {
    return call(path).header("Accept-Language", acceptLanguage).get();
  }

  private static JsonNode problem(Response response, String language) {
    assertThat(response.getHeaderString("Content-Language")).isEqualTo(language);
    assertThat(response.getHeaderString("Vary")).containsIgnoringCase("Accept-Language");
    return Http.json(response);
  }

  @Test
  void an_unknown_type_reads_in_russian_and_in_english() {
    Response russian = get("operations/nope", "ru-RU,ru;q=0.9,en;q=0.8");
    Response english = get("operations/nope", "en-US,en;q=0.9");

    JsonNode ru = problem(russian, "ru");
    Http.problem(
        ru, 404, "unknown-type", "Неизвестный тип операций", "нет типа операций с именем «nope»");
    JsonNode en = problem(english, "en");
    Http.problem(en, 404, "unknown-type", "Unknown operation type", "no operation type is named");
  }

  @Test
  void an_unknown_operation_reads_in_the_language_the_parameter_pins() {
    String path = "operations/missile-launch/" + OperationId.random();

    JsonNode ru = problem(get(path + "?lang=ru", "en"), "ru");
    JsonNode en = problem(get(path + "?lang=en", "ru"), "en");

    Http.problem(ru, 404, "operation-not-found", "Операция не найдена", "у типа операций");
    Http.problem(en, 404, "operation-not-found", "Operation not found", "has the id");
  }

  @Test
  void a_conflict_keeps_its_operation_in_every_language() {
    String first = start("reject").path("id").asText();

    Response russian =
        call("operations/reject").header("Accept-Language", "ru").post(Entity.json("{}"));
    Response english =
        call("operations/reject").header("Accept-Language", "en").post(Entity.json("{}"));

    JsonNode ru = problem(russian, "ru");
    Http.problem(ru, 409, "operation-conflict", "Операция уже выполняется", "уже выполняется");
    JsonNode en = problem(english, "en");
    Http.problem(en, 409, "operation-conflict", "Operation already active", "already active");
    assertThat(ru.path("operation").path("id").asText()).isEqualTo(first);
    assertThat(en.path("operation").path("id").asText()).isEqualTo(first);
  }

  @Test
  void an_invalid_request_and_the_runtimes_own_errors_read_in_russian() {
    JsonNode limit = problem(get("operations/missile-launch?limit=0", "ru"), "ru");
    JsonNode unknownPath =
        problem(get("operations/missile-launch/" + OperationId.random() + "/x/y", "ru"), "ru");
    Response put =
        call("operations/missile-launch").header("Accept-Language", "ru").put(Entity.json("{}"));

    Http.problem(limit, 400, "invalid-request", "Неверный запрос", "параметр запроса limit");
    Http.problem(unknownPath, 404, null, "Не найдено", "по этому пути ничего нет");
    Http.problem(problem(put, "ru"), 405, null, "Метод не разрешен", "разрешены: GET");
  }

  @Test
  void an_admin_query_check_reads_in_russian_and_keeps_its_field() {
    Response response =
        call("operations/_admin/operations?limit=0")
            .header(TestPrincipals.USER, "root")
            .header(TestPrincipals.ROLES, AdminRoles.DEFAULT.read())
            .header("Accept-Language", "ru")
            .get();

    JsonNode body = problem(response, "ru");
    Http.problem(body, 400, "invalid-request", "Неверный запрос", "limit должен быть целым числом");
    assertThat(body.path("field").asText()).isEqualTo("limit");
  }

  @Test
  void a_language_without_a_bundle_reads_in_english_and_so_does_none() {
    Response german = get("operations/nope", "de-DE,fr;q=0.5");
    Response nonsense = get("operations/nope?lang=%3Cscript%3E", "*");
    Response none = call("operations/nope").get();

    for (Response response : new Response[] {german, nonsense, none}) {
      JsonNode body = problem(response, "en");
      Http.problem(body, 404, "unknown-type", "Unknown operation type", "is named 'nope'");
    }
  }

  @Test
  void a_later_preference_the_bundles_have_wins_over_the_fallback() {
    JsonNode body = problem(get("operations/nope", "de-DE,ru;q=0.5"), "ru");

    Http.problem(body, 404, "unknown-type", "Неизвестный тип операций", "«nope»");
  }

  @Test
  void a_malformed_accept_language_is_refused_in_english() {
    Response response = get("operations/nope", "ru;q=nonsense");

    JsonNode body = problem(response, "en");
    Http.problem(body, 400, "invalid-request", "Invalid request", "Accept-Language header");
  }
}
