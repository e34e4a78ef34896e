package io.github.asyncops.grizzly;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * A plain HTTP problem as the adapter writes one (its {@code Problem.http} and wire record {@code
 * ProblemJson}): type {@code about:blank}, the status's reason phrase as title, the status and a
 * detail; with the headers that every adapter answer carries (its {@code ResponseHeadersFilter}).
 *
 * <p>Rendered from a map rather than the adapter's record: the adapter's tests run their servers
 * through this module, so it cannot depend on the adapter, and a map needs no reflective access on
 * the module path.
 */
final class Problems {
  /** The media type of every problem. */
  static final String MEDIA_TYPE = "application/problem+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  /**
   * A plain HTTP problem's JSON.
   *
   * @param status the HTTP status
   * @param detail what went wrong, for people
   * @return the UTF-8 bytes
   */
  static byte[] body(int status, String detail) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", HttpStatus.getHttpStatus(status).getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", detail);
    try {
      return JSON.writeValueAsBytes(problem);
    } catch (IOException e) {
      throw new IllegalStateException("a map of strings and a number always serialises", e);
    }
  }

  /**
   * Marks a response as a problem: its media type, and the headers of every adapter answer.
   *
   * @param response the response, not committed yet
   */
  static void mark(HttpResponsePacket response) {
    response.setContentType(MEDIA_TYPE);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
  }
}
