package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import org.junit.jupiter.api.Test;

/**
 * The wire format holds when the application registers its own JSON provider, here one that writes
 * instants as numbers: the adapter's records still have ISO-8601 strings.
 */
final class WireFormatTest extends GrizzlyTest {

  WireFormatTest() {
    super(
        new Harness(),
        new JacksonJsonProvider(
            new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)));
  }

  @Test
  void instants_stay_iso_strings_beside_another_json_provider() {
    JsonNode status = start("missile-launch");
    JsonNode listed = Http.json(call("operations/missile-launch").get()).get(0);

    assertThat(status.path("createdAt").isTextual()).isTrue();
    assertThat(status.path("createdAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(listed.path("startedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
  }
}
