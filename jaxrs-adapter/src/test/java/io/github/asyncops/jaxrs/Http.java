package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/** Reads JSON bodies and checks problem+json answers. */
final class Http {
  static final String PROBLEMS = "https://asyncops.github.io/problems/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Http() {}

  static JsonNode json(String body) {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + body, e);
    }
  }

  static JsonNode json(Response response) {
    return json(response.readEntity(String.class));
  }

  /**
   * Checks a problem.
   *
   * @param response the response
   * @param status its status
   * @param type the problem type's slug, or null for about:blank
   * @param title its title
   * @param detail a part of its detail
   * @return the body
   */
  static JsonNode problem(Response response, int status, String type, String title, String detail) {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getHeaderString("Content-Type")).isEqualTo("application/problem+json");
    JsonNode body = json(response);
    return problem(body, status, type, title, detail);
  }

  static JsonNode problem(JsonNode body, int status, String type, String title, String detail) {
    assertThat(body.path("type").asText())
        .isEqualTo(type == null ? "about:blank" : PROBLEMS + type);
    assertThat(body.path("title").asText()).isEqualTo(title);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("detail").asText()).contains(detail);
    assertThat(body.toString()).doesNotContain("Exception", "\tat ");
    return body;
  }
}
