package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.jaxrs.internal.Endpoints;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code {base}/openapi.json}: that it describes every route of {@link OperationsResource}, that
 * each type gets a typed start whose body schema comes from its parameter class, and that the
 * {@link Contract} built on it refuses responses it does not describe. That it names every problem
 * type is {@code OpenApiDocumentTest}'s. That the real responses match it is checked for every
 * response of the Grizzly tests ({@link ContractFilter}) and of {@link HttpIT} and {@link EventsIT}
 * ({@link Browser}).
 */
final class OpenApiTest extends GrizzlyTest {

  /** The document as an admin gets it: the admin paths are among the resource's routes. */
  private JsonNode document() {
    Response response =
        call("operations/openapi.json")
            .header(TestPrincipals.USER, "root")
            .header(TestPrincipals.ROLES, AdminRoles.DEFAULT.write())
            .get();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getMediaType().toString()).isEqualTo("application/json");
    return Http.json(response);
  }

  @Test
  void the_document_says_how_to_choose_the_language_and_which_one_came() {
    JsonNode document = document();
    JsonNode status = document.path("paths").path("/{type}/{id}").path("get");
    JsonNode list = document.path("paths").path("/missile-launch").path("get");

    for (JsonNode operation : List.of(status, list)) {
      assertThat(operation.path("parameters").findValuesAsText("$ref"))
          .contains("#/components/parameters/lang", "#/components/parameters/Accept-Language");
      assertThat(operation.path("responses").path("200").path("headers").has("Content-Language"))
          .isTrue();
    }
    assertThat(status.path("responses").path("304").path("headers").has("Vary")).isTrue();
    JsonNode notFound = document.path("components").path("responses").path("NotFound");
    assertThat(notFound.path("headers").has("Content-Language")).isTrue();
    assertThat(notFound.path("headers").has("Vary")).isTrue();
    assertThat(document.path("components").path("parameters").path("lang").path("in").asText())
        .isEqualTo("query");
  }

  @Test
  void the_document_names_the_base_path_as_its_server() {
    assertThat(document().path("servers").path(0).path("url").asText()).isEqualTo("/operations");
  }

  @Test
  void every_route_of_the_resource_is_in_the_document() {
    JsonNode paths = document().path("paths");
    List<String> missing = new ArrayList<>();
    for (Method method : OperationsResource.class.getDeclaredMethods()) {
      String verb = httpMethod(method);
      if (verb == null) {
        continue;
      }
      Path path = method.getAnnotation(Path.class);
      if (path != null && path.value().equals(Endpoints.UNKNOWN_PATH)) {
        continue;
      }
      String route = path == null ? "/" : "/" + path.value();
      if (paths.path(route).path(verb.toLowerCase(Locale.ROOT)).isMissingNode()) {
        missing.add(verb + " " + route);
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void the_catch_all_for_unknown_paths_is_not_advertised() {
    List<String> routes = new ArrayList<>();
    document().path("paths").fieldNames().forEachRemaining(routes::add);

    assertThat(routes).isNotEmpty().noneMatch(route -> route.contains("{rest"));
  }

  @Test
  void each_type_gets_a_typed_start_whose_body_schema_comes_from_its_parameter_class() {
    JsonNode document = document();
    JsonNode start = document.at("/paths/~1csv-export/post");
    assertThat(start.path("operationId").asText()).isEqualTo("startCsvExport");
    assertThat(start.at("/requestBody/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/CsvExportParameters");
    assertThat(document.at("/components/schemas/CsvExportParameters"))
        .isEqualTo(
            Http.json(
                "{\"type\":[\"object\",\"null\"],\"properties\":{\"rows\":"
                    + "{\"type\":\"integer\",\"format\":\"int32\"}},\"additionalProperties\":false}"));
    assertThat(document.at("/components/schemas/MissileLaunchParameters/maxProperties").asInt())
        .isZero();
    assertThat(document.at("/paths/~1missile-launch/get/operationId").asText())
        .isEqualTo("listMissileLaunch");
  }

  @Test
  void the_contract_refuses_an_undocumented_status_a_missing_header_and_a_wrong_body() {
    Contract contract = new Contract(document().toString());
    URI status = URI.create("http://localhost/operations/csv-export/k3JzPq0rVb7mYx1sLw9dTA");
    HttpHeaders json = headers(Map.of("Content-Type", List.of("application/json")));

    assertThatThrownBy(() -> contract.check("GET", status, 418, json, "{}"))
        .hasMessageContaining("status documented");
    assertThatThrownBy(() -> contract.check("GET", status, 200, json, "{}"))
        .hasMessageContaining("header ETag");
    HttpHeaders tagged =
        headers(Map.of("Content-Type", List.of("application/json"), "ETag", List.of("\"t\"")));
    assertThatThrownBy(() -> contract.check("GET", status, 200, tagged, "{\"id\":\"x\"}"))
        .hasMessageContaining("against #/components/schemas/Status");
    assertThatThrownBy(() -> contract.check("PUT", status, 200, json, "{}"))
        .hasMessageContaining("undocumented route must be 404 or 405");
  }

  private static HttpHeaders headers(Map<String, List<String>> values) {
    return HttpHeaders.of(values, (name, value) -> true);
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }
}
