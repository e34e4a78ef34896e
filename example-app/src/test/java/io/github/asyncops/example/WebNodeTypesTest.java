package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.SettingsSource;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The web node's declarations say what the demo plugins' providers say: each part of each type, and
 * for the CSV export a parameter class of the same JSON shape, whose checks refuse what the
 * provider refuses. The providers are read from an engine that discovers them on this test's class
 * path, which has the demo-plugins jar. That a web node runs on these declarations without that jar
 * is {@link WebNodeWithoutPluginsIT}'s.
 */
final class WebNodeTypesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void declarations_match_the_providers_but_for_the_parameter_class() {
    for (Language language : Language.values()) {
      assertMatch(language);
    }
  }

  private static void assertMatch(Language language) {
    Map<String, OperationType> provided = providedTypes(language);
    List<OperationType> declared = WebNodeTypes.of(language);

    assertThat(declared)
        .extracting(OperationType::name)
        .containsExactly("missile-launch", "csv-export");
    for (OperationType type : declared) {
      OperationType provider = provided.get(type.name());
      assertThat(provider).as(type.name()).isNotNull();
      assertThat(type)
          .as("%s in %s", type.name(), language)
          .usingRecursiveComparison()
          .ignoringFields("parameterType")
          .isEqualTo(provider);
      assertThat(components(type.parameterType()))
          .as("the JSON shape of %s's parameters", type.name())
          .isEqualTo(components(provider.parameterType()));
    }
  }

  @Test
  void an_export_request_from_the_web_node_reads_as_the_providers_request() throws Exception {
    Class<?> providers = providedTypes(Language.EN).get("csv-export").parameterType();
    String json = JSON.writeValueAsString(new WebNodeTypes.CsvExportRequest(120));

    Object request = JSON.readValue(json, providers);

    assertThat(json).isEqualTo("{\"rows\":120}");
    assertThat(request).hasFieldOrPropertyWithValue("rows", 120);
  }

  @Test
  void an_export_request_refuses_what_the_provider_refuses_with_its_words() {
    assertThatThrownBy(() -> JSON.readValue("{}", WebNodeTypes.CsvExportRequest.class))
        .isInstanceOf(ValueInstantiationException.class)
        .cause()
        .hasMessage("rows: is required");
    assertThatThrownBy(() -> new WebNodeTypes.CsvExportRequest(0))
        .hasMessage("rows: must be between 1 and 100000, was 0");
    assertThatThrownBy(() -> new WebNodeTypes.CsvExportRequest(100_001))
        .hasMessage("rows: must be between 1 and 100000, was 100001");
    assertThat(new WebNodeTypes.CsvExportRequest(100_000).rows()).isEqualTo(100_000);
  }

  private static Map<String, OperationType> providedTypes(Language language) {
    try (OperationEngine engine =
        OperationEngine.builder()
            .settings(
                SettingsSource.of(
                    Map.of(
                        "missile-launch.lang",
                        language.code(),
                        "csv-export.lang",
                        language.code())))
            .build()) {
      return engine.types().stream()
          .collect(Collectors.toMap(OperationType::name, Function.identity()));
    }
  }

  /** Each record component's name and type, or nothing for a class that is not a record. */
  private static List<String> components(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    return components == null
        ? List.of()
        : Arrays.stream(components).map(c -> c.getName() + ":" + c.getType().getName()).toList();
  }
}
