package io.github.asyncops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata that IDEs read to complete {@code asyncops.*}: generated from {@link
 * AsyncOpsProperties} into the jar, plus {@code asyncops.plugins} from the additional metadata,
 * with a description and the default of every property.
 */
final class ConfigurationMetadataTest {

  @Test
  void every_property_has_a_description_and_the_engine_defaults() throws Exception {
    JsonNode metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("metadata in the jar").isNotNull();
      metadata = new ObjectMapper().readTree(in);
    }
    Map<String, JsonNode> properties = new HashMap<>();
    metadata.path("properties").forEach(p -> properties.put(p.path("name").asText(), p));

    assertThat(properties)
        .containsKeys(
            "asyncops.discover",
            "asyncops.store",
            "asyncops.max-running",
            "asyncops.queue-capacity",
            "asyncops.stop-grace",
            "asyncops.node-id",
            "asyncops.jdbc.create-schema",
            "asyncops.jdbc.table-prefix",
            "asyncops.http.enabled",
            "asyncops.http.path",
            "asyncops.http.require-principal",
            "asyncops.http.max-wait",
            "asyncops.plugins");
    properties.values().forEach(p -> assertThat(p.path("description").asText()).isNotBlank());
    assertThat(properties.get("asyncops.queue-capacity").path("defaultValue").asInt())
        .isEqualTo(1000);
    assertThat(properties.get("asyncops.stop-grace").path("defaultValue").asText())
        .isEqualTo("10s");
    assertThat(properties.get("asyncops.plugins").path("description").asText())
        .contains("asyncops.plugins.<type>.<setting>");
    assertThat(properties.get("asyncops.http.path").path("defaultValue").asText())
        .isEqualTo("/api");
  }
}
