package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An event stream says which language its events are in, as a status does (issue 25): {@code
 * Content-Language} and {@code Vary: Accept-Language} on the stream's response, from {@code
 * Accept-Language} or {@code ?lang=} (which an {@code EventSource} uses, as it cannot set headers).
 * The stream of an ended operation sends its last status and ends, so each response here is whole.
 */
final class EventLanguageTest extends GrizzlyTest {
  private static final String TYPE = "operations/spoken-flight";

  EventLanguageTest() {
    super(new Harness(adapter -> {}, engine -> engine.locale(Locale.forLanguageTag("ru"))));
  }

  private String stopped() throws Exception {
    String id = start("spoken-flight").path("id").asText();
    harness.gate.awaitArrivals(1);
    harness.gate.open(1);
    harness.gate.awaitArrivals(1);
    harness.fixture.until(OperationId.of(id), s -> s.value() == 0.4);
    assertThat(call(TYPE + "/" + id + "/stop").post(null).getStatus()).isLessThan(300);
    harness.fixture.until(OperationId.of(id), s -> !s.active());
    return id;
  }

  private Response events(String pathAndQuery, String acceptLanguage) {
    return resource(pathAndQuery)
        .request("text/event-stream")
        .cookie(COOKIE, BROWSER)
        .header("Accept-Language", acceptLanguage)
        .get();
  }

  @Test
  void a_stream_names_the_language_of_its_events() throws Exception {
    String path = TYPE + "/" + stopped() + "/events";

    Response english = events(path, "en-US,en;q=0.9");
    Response russian = events(path, "ru-RU");

    assertThat(english.getStatus()).isEqualTo(200);
    assertThat(english.getHeaderString("Content-Language")).isEqualTo("en");
    assertThat(english.getHeaderString("Vary")).containsIgnoringCase("Accept-Language");
    assertThat(english.readEntity(String.class)).contains("Flight cancelled");
    assertThat(russian.getHeaderString("Content-Language")).isEqualTo("ru");
    assertThat(russian.readEntity(String.class)).contains("Полет отменен");
  }

  @Test
  void the_lang_parameter_of_an_event_source_names_it_too() throws Exception {
    Response pinned = events(TYPE + "/" + stopped() + "/events?lang=en", "ru-RU");

    assertThat(pinned.getHeaderString("Content-Language")).isEqualTo("en");
    assertThat(pinned.readEntity(String.class)).contains("Flight cancelled");
  }
}
