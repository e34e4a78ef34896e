package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The served OpenAPI document as a test oracle: {@link #check} fails unless a response is one the
 * document describes (its status for the route and method, its required headers, its media type)
 * and its JSON body validates against the documented schema. swagger-parser checks that the
 * document is valid OpenAPI 3.1; json-schema-validator validates the bodies (JSON Schema 2020-12,
 * which OpenAPI 3.1 uses). Answers to paths or methods the document does not describe must be 404
 * or 405 problems. A {@code HEAD} that the document does not describe is checked as the {@code GET}
 * of its route, without a body.
 */
final class Contract {
  private static final String DOCUMENT = "https://asyncops.test/openapi.json";
  private static final Pattern TEMPLATE = Pattern.compile("\\{[^/}]+}");

  private final JsonNode document;
  private final String base;
  private final SchemaRegistry schemas;
  private final List<Route> routes = new ArrayList<>();

  /** A path of the document, with the pattern that matches request paths. */
  private record Route(String template, Pattern pattern, JsonNode item) {}

  Contract(String json) {
    ParseOptions options = new ParseOptions();
    List<String> messages = new OpenAPIV3Parser().readContents(json, null, options).getMessages();
    assertThat(messages).as("swagger-parser's findings on the document").isEmpty();
    this.document = Http.json(json);
    assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
    this.base = document.path("servers").path(0).path("url").asText().replaceAll("/$", "");
    this.schemas =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(DOCUMENT, json)));
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      String regex = TEMPLATE.matcher(Pattern.quote(path.getKey())).replaceAll("\\\\E[^/]+\\\\Q");
      routes.add(new Route(path.getKey(), Pattern.compile(regex), path.getValue()));
    }
    // Concrete paths match before templated ones, as OpenAPI says.
    routes.sort(
        Comparator.comparingInt(r -> TEMPLATE.matcher(r.template()).results().count() > 0 ? 1 : 0));
  }

  /**
   * Fails unless the document describes this response.
   *
   * @param method the request's method
   * @param uri the request's URI
   * @param status the response's status
   * @param headers the response's headers
   * @param body the response's body, or null when it was not read (an event stream)
   */
  void check(String method, URI uri, int status, HttpHeaders headers, String body) {
    String what = method + " " + uri.getRawPath() + " -> " + status;
    String contentType = headers.firstValue("Content-Type").orElse(null);
    JsonNode operation = operation(method, uri.getRawPath());
    if (operation == null) {
      assertThat(status).as("%s: undocumented route must be 404 or 405", what).isIn(404, 405);
      if (!method.equals("HEAD")) {
        validate(what, "#/components/schemas/Problem", body);
      }
      return;
    }
    JsonNode response = deref(operation.path("responses").path(Integer.toString(status)));
    assertThat(response.isMissingNode()).as("%s: status documented", what).isFalse();
    for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
      JsonNode spec = deref(header.getValue());
      var value = headers.firstValue(header.getKey());
      if (spec.path("required").asBoolean()) {
        assertThat(value).as("%s: header %s", what, header.getKey()).isPresent();
      }
      if (value.isPresent() && spec.path("schema").path("type").asText().equals("integer")) {
        assertThat(value.get()).as("%s: header %s", what, header.getKey()).matches("\\d+");
      }
    }
    boolean hasBody = body != null && !body.isEmpty() && !method.equals("HEAD");
    if (!hasBody && !"text/event-stream".equals(mediaType(contentType))) {
      return;
    }
    JsonNode content = response.path("content");
    String media = mediaType(contentType);
    JsonNode described = content.has(media) ? content.path(media) : content.path("*/*");
    assertThat(described.isMissingNode())
        .as("%s: media type %s documented in %s", what, media, content.fieldNames())
        .isFalse();
    if (hasBody && media.endsWith("json")) {
      JsonNode schema = described.path("schema");
      validate(what, schema.has("$ref") ? schema.path("$ref").asText() : schema.toString(), body);
    }
  }

  /** Fails unless an event's data is a status, as the events route documents. */
  void checkEvent(String data) {
    validate("status event", "#/components/schemas/Status", data);
  }

  /**
   * Fails unless an event's data is what its name promises: a {@code summary} or an admin {@code
   * progress} row, as the admin events route documents, or else a status.
   */
  void checkEvent(String name, String data) {
    String schema =
        switch (name == null ? "" : name) {
          case "summary" -> "Summary";
          case "progress" -> "AdminRow";
          default -> "Status";
        };
    validate(name + " event", "#/components/schemas/" + schema, data);
  }

  private void validate(String what, String schemaRefOrJson, String body) {
    Schema schema =
        schemaRefOrJson.startsWith("#")
            ? schemas.getSchema(SchemaLocation.of(DOCUMENT + schemaRefOrJson))
            : schemas.getSchema(schemaRefOrJson, InputFormat.JSON);
    List<Error> errors = schema.validate(body, InputFormat.JSON);
    assertThat(errors).as("%s: body %s against %s", what, body, schemaRefOrJson).isEmpty();
  }

  private JsonNode operation(String method, String path) {
    if (!path.startsWith(base)) {
      return null;
    }
    String relative = path.substring(base.length());
    String inDocument = relative.isEmpty() ? "/" : relative;
    for (Route route : routes) {
      if (route.pattern().matcher(inDocument).matches()) {
        JsonNode operation = route.item().path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode() && method.equals("HEAD")) {
          // Where the document has no HEAD of its own, HEAD answers what GET would, without the
          // body (RFC 9110, section 9.3.2).
          operation = route.item().path("get");
        }
        return operation.isMissingNode() ? null : operation;
      }
    }
    return null;
  }

  private JsonNode deref(JsonNode node) {
    if (!node.has("$ref")) {
      return node;
    }
    return document.at(node.path("$ref").asText().substring(1));
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}
