package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * When no operation type has message bundles and no default locale was set, a status's texts are
 * the plain strings that workers report, in a language nobody named: the answer names none ({@code
 * Content-Language} and {@code Vary} left out, since the body is the same whatever {@code
 * Accept-Language} says; the JVM's default locale would be a guess). Problems are the adapter's own
 * texts and always name theirs. A default locale set is in {@link PlainTextDefaultLocaleTest},
 * types with bundles in {@link LanguageTest}.
 */
final class PlainTextLanguageTest extends GrizzlyTest {
  PlainTextLanguageTest() {
    super(Harness.plainTexts(engine -> {}));
  }

  @Test
  void a_status_of_plain_texts_names_no_language() {
    String id = start("missile-launch").path("id").asText();

    Response status = call("operations/missile-launch/" + id).header("Accept-Language", "ru").get();
    Response list = call("operations/missile-launch").header("Accept-Language", "ru").get();

    for (Response response : new Response[] {status, list}) {
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getHeaderString("Content-Language")).isNull();
      assertThat(response.getHeaderString("Vary")).isNull();
    }
  }

  @Test
  void a_problem_still_names_its_language() {
    Response problem = call("operations/nope").header("Accept-Language", "ru").get();

    assertThat(problem.getHeaderString("Content-Language")).isEqualTo("ru");
    assertThat(problem.getHeaderString("Vary")).contains("Accept-Language");
  }
}
