package io.github.asyncops.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * Grizzly's error pages as RFC 9457 problems instead of HTML with a stack trace: what Grizzly and
 * Jersey's Grizzly container answer themselves, before the adapter sees a request. A 4xx is the
 * client's mistake and is logged at FINE without a stack trace; a 5xx is logged as a server fault.
 */
final class ContainerProblems implements ErrorPageGenerator {
  /** The media type of every problem. */
  static final String MEDIA_TYPE = "application/problem+json";

  private static final Logger LOG = Logger.getLogger(ContainerProblems.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String generate(
      Request request, int status, String reasonPhrase, String description, Throwable exception) {
    if (status >= 500) {
      LOG.log(Level.SEVERE, "a request failed in the container", exception);
    } else {
      LOG.fine(() -> "the container refused a request with " + status);
    }
    request.getResponse().setContentType(MEDIA_TYPE);
    return new String(body(status, detail(status)), StandardCharsets.UTF_8);
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "the request is malformed";
      case 404 -> "there is nothing at this path";
      case 405 -> "this method is not allowed here";
      default ->
          status >= 500
              ? "the server failed to handle the request; its log has the details"
              : "the request was refused";
    };
  }

  /**
   * A problem's JSON.
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
}
