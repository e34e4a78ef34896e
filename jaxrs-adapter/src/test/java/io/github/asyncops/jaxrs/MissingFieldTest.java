package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: a start whose body leaves out a field that must have a value answers "{field}: is
 * required", not that the field "must be an integer", and names the field in problem+json. Covers a
 * primitive at the top, one inside an object, in an array, and an object marked required. A field
 * sent as {@code null} or with the wrong type keeps its type in the detail ({@link StartTest} has
 * more of those).
 */
final class MissingFieldTest extends GrizzlyTest {

  MissingFieldTest() {
    super(new Harness(adapter -> {}, engine -> engine.worker(new Printing())));
  }

  /** A job with a page count, as the README's {@code ReportProvider}, and a required cover. */
  static final class Printing implements WorkerProvider<Printing.Request> {
    /**
     * The parameters.
     *
     * @param pages a primitive: Jackson cannot leave it out
     * @param cover an object the class marks required
     * @param inserts objects that each need a width
     */
    record Request(int pages, @JsonProperty(required = true) Cover cover, Cover[] inserts) {}

    /**
     * A cover.
     *
     * @param width in millimetres
     * @param title optional
     */
    record Cover(int width, String title) {}

    @Override
    public String name() {
      return "printing";
    }

    @Override
    public Scope scope() {
      return Scope.NONE;
    }

    @Override
    public Class<Request> parameterType() {
      return Request.class;
    }

    @Override
    public Worker create(Request request) {
      return context -> OperationResult.none();
    }
  }

  private Response post(String body) {
    return call("operations/printing").post(Entity.entity(body, JSON));
  }

  private static void assertRequired(Response response, String field) {
    JsonNode problem =
        Http.problem(
            response, 400, "invalid-parameters", "Invalid parameters", field + ": is required");
    assertThat(problem.path("detail").asText()).isEqualTo(field + ": is required");
    assertThat(problem.path("field").asText()).isEqualTo(field);
  }

  @Test
  void start_without_a_primitive_field_answers_400_it_is_required() {
    assertRequired(post("{\"cover\": {\"width\": 210}}"), "pages");
  }

  @Test
  void start_with_an_empty_object_answers_400_the_first_field_is_required() {
    assertRequired(post("{}"), "pages");
  }

  @Test
  void start_without_a_required_object_field_answers_400_it_is_required() {
    assertRequired(post("{\"pages\": 3}"), "cover");
  }

  @Test
  void start_with_an_object_without_its_primitive_answers_400_naming_the_path() {
    assertRequired(post("{\"pages\": 3, \"cover\": {\"title\": \"Red\"}}"), "cover.width");
  }

  @Test
  void start_with_an_array_element_without_its_primitive_answers_400_naming_the_path() {
    assertRequired(
        post("{\"pages\": 3, \"cover\": {\"width\": 210}, \"inserts\": [{\"width\": 1}, {}]}"),
        "inserts[1].width");
  }

  @Test
  void start_with_null_for_a_primitive_answers_400_it_must_be_an_integer() {
    JsonNode problem =
        Http.problem(
            post("{\"pages\": null, \"cover\": {\"width\": 210}}"),
            400,
            "invalid-parameters",
            "Invalid parameters",
            "field 'pages' must be an integer");

    assertThat(problem.path("field").asText()).isEqualTo("pages");
  }

  @Test
  void start_with_all_fields_answers_202() {
    assertThat(post("{\"pages\": 3, \"cover\": {\"width\": 210}}").getStatus()).isEqualTo(202);
  }
}
