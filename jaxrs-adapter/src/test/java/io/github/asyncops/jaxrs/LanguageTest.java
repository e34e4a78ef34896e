package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Each viewer reads an operation's messages in their language (issue 25): {@code Accept-Language}
 * or {@code ?lang=} chooses among the languages the type's bundles have, the engine's default
 * serves the rest, and every response says which with {@code Content-Language} and {@code Vary:
 * Accept-Language}; entity tags differ per language, so a 304 answers only the language it was
 * tagged in. A failure a worker gave as a message is read the same way. The rendering itself is
 * tested in core's {@code MessagesTest} and {@code FailureMessageTest}.
 */
final class LanguageTest extends GrizzlyTest {
  private static final String TYPE = "operations/spoken-flight";

  LanguageTest() {
    super(new Harness(adapter -> {}, engine -> engine.locale(Locale.forLanguageTag("ru"))));
  }

  private String flying() throws Exception {
    String id = start("spoken-flight").path("id").asText();
    harness.gate.awaitArrivals(1);
    harness.gate.open(1);
    harness.gate.awaitArrivals(1);
    harness.fixture.until(OperationId.of(id), s -> s.value() == 0.4);
    return id;
  }

  private Response get(String path, String acceptLanguage) {
    return call(path).header("Accept-Language", acceptLanguage).get();
  }

  @Test
  void the_start_answers_in_the_viewers_language() {
    Response response =
        call(TYPE)
            .header("Accept-Language", "en-US,en;q=0.9")
            .post(jakarta.ws.rs.client.Entity.entity("{}", JSON));

    assertThat(response.getStatus()).isEqualTo(202);
    assertThat(Http.json(response).path("text").asText()).isEqualTo("Liftoff!");
    assertThat(response.getHeaderString("Content-Language")).isEqualTo("en");
  }

  @Test
  void two_viewers_read_the_same_status_each_in_their_language() throws Exception {
    String path = TYPE + "/" + flying();

    Response russian = get(path, "ru-RU,ru;q=0.9,en;q=0.8");
    Response english = get(path, "en-US,en;q=0.9");

    assertThat(Http.json(russian).path("text").asText()).isEqualTo("Полет завершен на 40%");
    assertThat(russian.getHeaderString("Content-Language")).isEqualTo("ru");
    assertThat(Http.json(english).path("text").asText()).isEqualTo("Flight 40% complete");
    assertThat(english.getHeaderString("Content-Language")).isEqualTo("en");
    assertThat(english.getHeaderString("Vary")).contains("Accept-Language");
    assertThat(russian.getHeaderString("Vary")).contains("Accept-Language");
    assertThat(english.getEntityTag()).isNotEqualTo(russian.getEntityTag());
  }

  @Test
  void a_304_answers_only_the_language_its_tag_was_made_for() throws Exception {
    String path = TYPE + "/" + flying();
    String englishTag = get(path, "en").getHeaderString("ETag");

    Response again =
        call(path).header("Accept-Language", "en").header("If-None-Match", englishTag).get();
    Response russian =
        call(path).header("Accept-Language", "ru").header("If-None-Match", englishTag).get();

    assertThat(again.getStatus()).isEqualTo(304);
    assertThat(again.getHeaderString("Content-Language")).isEqualTo("en");
    assertThat(again.getHeaderString("Vary")).contains("Accept-Language");
    assertThat(russian.getStatus()).isEqualTo(200);
    assertThat(Http.json(russian).path("text").asText()).isEqualTo("Полет завершен на 40%");
  }

  @Test
  void the_lang_parameter_pins_the_language_over_the_header() throws Exception {
    String path = TYPE + "/" + flying();

    Response pinned = get(path + "?lang=en", "ru-RU");

    assertThat(Http.json(pinned).path("text").asText()).isEqualTo("Flight 40% complete");
    assertThat(pinned.getHeaderString("Content-Language")).isEqualTo("en");
  }

  @Test
  void a_language_no_bundle_has_gets_the_default_and_so_does_nonsense() throws Exception {
    String path = TYPE + "/" + flying();

    Response german = get(path, "de-DE,fr;q=0.5");
    Response malformed = get(path + "?lang=%3Cscript%3E", "*");
    Response none = call(path).get();

    for (Response response : new Response[] {german, malformed, none}) {
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getHeaderString("Content-Language")).isEqualTo("ru");
      assertThat(Http.json(response).path("text").asText()).isEqualTo("Полет завершен на 40%");
    }
  }

  @Test
  void lists_are_rendered_in_the_viewers_language() throws Exception {
    flying();

    Response list = get(TYPE, "en");

    JsonNode operations = Http.json(list);
    assertThat(operations).hasSize(1);
    assertThat(operations.get(0).path("text").asText()).isEqualTo("Flight 40% complete");
    assertThat(list.getHeaderString("Content-Language")).isEqualTo("en");
  }

  @Test
  void a_stop_message_is_read_in_each_language() throws Exception {
    String path = TYPE + "/" + flying();

    Response stopped = call(path + "/stop").header("Accept-Language", "en").post(null);

    assertThat(stopped.getStatus()).isLessThan(300);
    JsonNode english = Http.json(get(path, "en"));
    assertThat(english.path("text").asText()).isEqualTo("Flight cancelled");
    assertThat(Http.json(get(path, "ru")).path("text").asText()).isEqualTo("Полет отменен");
  }

  @Test
  void a_failure_message_is_read_in_each_viewers_language() throws Exception {
    Response started = post(TYPE, "{\"lost\": true}");
    String id = Http.json(started).path("id").asText();
    harness.gate.awaitArrivals(1);
    harness.gate.open(1);
    harness.fixture.awaitState(OperationId.of(id), OperationState.FAILED);
    String path = TYPE + "/" + id;

    Response russian = get(path, "ru-RU,ru;q=0.9");
    Response english = get(path, "en-US,en;q=0.9");
    Response list = get(TYPE, "en");

    JsonNode ru = Http.json(russian);
    assertThat(ru.path("state").asText()).isEqualTo("FAILED");
    assertThat(ru.path("error").asText()).isEqualTo("Связь потеряна на 40%");
    assertThat(russian.getHeaderString("Content-Language")).isEqualTo("ru");
    assertThat(Http.json(english).path("error").asText()).isEqualTo("Contact lost at 40%");
    assertThat(english.getHeaderString("Content-Language")).isEqualTo("en");
    assertThat(english.getHeaderString("Vary")).contains("Accept-Language");
    assertThat(english.getEntityTag()).isNotEqualTo(russian.getEntityTag());
    assertThat(Http.json(list).findValuesAsText("error")).containsExactly("Contact lost at 40%");
    assertThat(ru.toString()).doesNotContain("no telemetry").doesNotContain("flight.lost");
  }
}
