package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asyncops.core.OperationType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;

/**
 * Serves {@code {base}/openapi.json}: the OpenAPI 3.1 document of the HTTP contract that ships in
 * the adapter jar ({@value #RESOURCE}), completed for this application. Its server is the base
 * path; each registered type gets a path of its own whose start body is the schema of its parameter
 * class ({@link ParameterSchemas}), so a generated client has one typed start method per type.
 */
final class OpenApiDocument {
  /** Where the contract lies in the jar. */
  static final String RESOURCE = "/io/github/asyncops/jaxrs/openapi.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The admin paths and their components, added only for callers with admin access. */
  static final String ADMIN_RESOURCE = "/io/github/asyncops/jaxrs/admin-openapi.json";

  private static final JsonNode CONTRACT = read(RESOURCE);
  private static final JsonNode ADMIN = read(ADMIN_RESOURCE);

  private OpenApiDocument() {}

  /**
   * Answers a request for the document.
   *
   * @param config the adapter's configuration
   * @param uriInfo the request's URIs
   * @param admin whether the caller may read the admin API, whose paths only such callers learn
   * @return 200 with the document
   */
  static Response response(AdapterConfig config, UriInfo uriInfo, boolean admin) {
    ObjectNode document = render(config, config.base().under(uriInfo.getBaseUri()));
    if (admin) {
      withAdmin(document);
    }
    try {
      return Response.ok(JSON.writeValueAsBytes(document), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The document for an adapter at a base path.
   *
   * @param config the adapter's configuration: its engine's types and its mapper
   * @param basePath the absolute base path, such as {@code /api/operations}
   * @return the document
   */
  static ObjectNode render(AdapterConfig config, String basePath) {
    ObjectNode document = CONTRACT.deepCopy();
    ((ObjectNode) document.withArray("/servers").get(0)).put("url", basePath);
    ObjectNode paths = (ObjectNode) document.get("paths");
    ObjectNode generic = (ObjectNode) paths.get("/{type}");
    ObjectNode schemas = document.withObject("/components/schemas");
    for (OperationType type : config.engine().types()) {
      String schemaName = camel(type.name()) + "Parameters";
      schemas.set(schemaName, ParameterSchemas.of(config.mapper(), type.parameterType()));
      paths.set("/" + type.name(), typed(generic, type, schemaName));
    }
    return document;
  }

  /**
   * Adds the admin API: its paths ahead of the others, so that a reader trying paths in order meets
   * {@code /_admin/...} before {@code /{type}/{id}}, and its schemas and responses.
   *
   * @param document a document from {@link #render}
   */
  static void withAdmin(ObjectNode document) {
    document
        .withArray("/components/schemas/Problem/properties/type/enum")
        .add(Problem.TYPE_BASE + "operation-ended");
    ObjectNode paths = ADMIN.get("paths").deepCopy();
    paths.setAll((ObjectNode) document.get("paths"));
    document.set("paths", paths);
    ADMIN
        .get("components")
        .properties()
        .forEach(
            e ->
                document
                    .withObject("/components/" + e.getKey())
                    .setAll((ObjectNode) e.getValue().deepCopy()));
  }

  /** The generic {@code /{type}} path item, fixed to one type and its parameter schema. */
  private static ObjectNode typed(ObjectNode generic, OperationType type, String schemaName) {
    ObjectNode item = generic.deepCopy();
    item.remove("parameters");
    String suffix = camel(type.name());
    ObjectNode list = (ObjectNode) item.get("get");
    list.put("operationId", "list" + suffix);
    list.put("summary", "The caller's visible '" + type.name() + "' operations, newest first");
    ObjectNode start = (ObjectNode) item.get("post");
    start.put("operationId", "start" + suffix);
    start.put("summary", "Starts '" + type.name() + "' (" + type.title() + ")");
    start
        .withObject("/requestBody/content/application~1json")
        .putObject("schema")
        .put("$ref", "#/components/schemas/" + schemaName);
    ArrayNode tags = JSON.createArrayNode().add(type.name());
    list.set("tags", tags);
    start.set("tags", tags.deepCopy());
    return item;
  }

  /** {@code csv-export} as {@code CsvExport}: a name that generators turn into identifiers. */
  static String camel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (Iterator<Integer> it = name.codePoints().iterator(); it.hasNext(); ) {
      int c = it.next();
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
      } else {
        out.append(upper ? Character.toString(c).toUpperCase(Locale.ROOT) : Character.toString(c));
        upper = false;
      }
    }
    return out.toString();
  }

  private static JsonNode read(String resource) {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the adapter jar lacks " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
