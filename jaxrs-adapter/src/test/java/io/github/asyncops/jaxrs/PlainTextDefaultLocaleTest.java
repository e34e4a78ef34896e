package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Plain texts with a default locale set on the engine's builder: the operator said which language
 * the workers write, so a status names it, whatever the viewer asks for. Without one, see {@link
 * PlainTextLanguageTest}.
 */
final class PlainTextDefaultLocaleTest extends GrizzlyTest {
  PlainTextDefaultLocaleTest() {
    super(Harness.plainTexts(engine -> engine.locale(Locale.forLanguageTag("ru"))));
  }

  @Test
  void a_status_of_plain_texts_names_the_default_locale() {
    String id = start("missile-launch").path("id").asText();

    Response status = call("operations/missile-launch/" + id).header("Accept-Language", "en").get();

    assertThat(status.getHeaderString("Content-Language")).isEqualTo("ru");
    assertThat(status.getHeaderString("Vary")).contains("Accept-Language");
  }
}
