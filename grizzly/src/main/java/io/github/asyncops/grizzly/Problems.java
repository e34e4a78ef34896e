package io.github.asyncops.grizzly;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.asyncops.jaxrs.json.ProblemJson;
import java.io.IOException;
import java.net.URI;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * A problem as the adapter writes it: its wire record, {@link ProblemJson}, as JSON, with the
 * headers that every adapter answer carries (the adapter's {@code ResponseHeadersFilter}).
 */
final class Problems {
  /** The media type of every problem. */
  static final String MEDIA_TYPE = "application/problem+json";

  private static final URI ABOUT_BLANK = URI.create("about:blank");

  // ProblemJson holds no dates, so a plain mapper writes it as the adapter's wire mapper does.
  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  /**
   * A plain HTTP problem's JSON: type {@code about:blank}, the status's reason phrase as title.
   *
   * @param status the HTTP status
   * @param detail what went wrong, for people
   * @return the UTF-8 bytes
   */
  static byte[] body(int status, String detail) {
    String title = HttpStatus.getHttpStatus(status).getReasonPhrase();
    try {
      return JSON.writeValueAsBytes(
          new ProblemJson(ABOUT_BLANK, title, status, detail, null, null));
    } catch (IOException e) {
      throw new IllegalStateException("a problem of strings and a number always serialises", e);
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
