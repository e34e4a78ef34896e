package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A viewer who asks for no language the problem bundles have reads problems in the engine's default
 * locale when the bundles have that, rather than in English. The choice among the viewer's own
 * languages is in {@link ProblemLanguageTest}.
 */
final class ProblemDefaultLanguageTest extends GrizzlyTest {

  ProblemDefaultLanguageTest() {
    super(new Harness(adapter -> {}, engine -> engine.locale(Locale.forLanguageTag("ru-RU"))));
  }

  @Test
  void a_language_without_a_bundle_reads_in_the_engines_default_locale() {
    Response german = call("operations/nope").header("Accept-Language", "de").get();
    Response english = call("operations/nope").header("Accept-Language", "en").get();

    assertThat(german.getHeaderString("Content-Language")).isEqualTo("ru");
    JsonNode body = Http.json(german);
    Http.problem(body, 404, "unknown-type", "Неизвестный тип операций", "«nope»");
    assertThat(english.getHeaderString("Content-Language")).isEqualTo("en");
  }
}
