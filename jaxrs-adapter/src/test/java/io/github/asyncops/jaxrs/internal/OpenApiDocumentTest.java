package io.github.asyncops.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.asyncops.jaxrs.json.ProblemJson;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract that ships in the jar ({@link OpenApiDocument#RESOURCE}) names every problem type
 * the adapter answers with. The document as served, with its routes and typed starts, is {@code
 * OpenApiTest}'s.
 */
final class OpenApiDocumentTest {

  @Test
  void every_problem_type_is_in_the_problem_schema_of_the_admins_document() throws Exception {
    ObjectNode contract;
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(OpenApiDocument.RESOURCE)) {
      contract = (ObjectNode) new ObjectMapper().readTree(in);
    }
    OpenApiDocument.withAdmin(contract);
    List<String> documented = new ArrayList<>();
    contract
        .at("/components/schemas/Problem/properties/type/enum")
        .forEach(t -> documented.add(t.asText()));

    assertThat(documented).isNotEmpty();
    for (Problem problem : Problem.values()) {
      ProblemJson json =
          ((PendingProblem) problem.response(Detail.verbatim("any")).getEntity()).english();
      assertThat(documented).contains(json.type().toString());
    }
  }
}
