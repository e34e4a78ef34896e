package io.github.asyncops.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** What every error answer of the adapter is: RFC 9457 problem+json without Java internals. */
final class Problems {
  /** Where the adapter's own problem types live. */
  static final String TYPES = "https://asyncops.github.io/problems/";

  private Problems() {}

  /**
   * Asserts that a response is a problem.
   *
   * @param response the response
   * @param status its expected status, also in the body
   * @param type its expected problem type
   */
  static void problem(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(
            contentType -> assertThat(contentType).startsWith("application/problem+json"));
    JsonNode problem = Browser.json(response.body());
    assertThat(problem.path("type").asText()).isEqualTo(type);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception", "java.", "jakarta.");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }
}
