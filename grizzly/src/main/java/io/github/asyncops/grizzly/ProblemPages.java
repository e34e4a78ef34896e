package io.github.asyncops.grizzly;

import java.io.IOException;
import java.lang.System.Logger.Level;
import org.glassfish.grizzly.http.io.OutputBuffer;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Grizzly's error pages as problems instead of HTML with a stack trace: what Grizzly and Jersey's
 * Grizzly container answer themselves with {@code sendError} (an unmapped path, an error status
 * without a body, an exception no mapper handles). A 4xx is the client's mistake and is logged at
 * DEBUG without a stack trace; a 5xx is logged as a server fault.
 *
 * <p>The problem is written and committed here, and no page is returned: Grizzly writes a returned
 * page through a {@code Writer}, which adds {@code charset=ISO-8859-1} to the media type, and
 * {@code application/problem+json} has no charset parameter (it is always UTF-8). Once committed,
 * the headers no longer change.
 */
final class ProblemPages implements ErrorPageGenerator {
  private static final System.Logger LOG = System.getLogger(ProblemPages.class.getName());

  @Override
  public String generate(
      Request request, int status, String reasonPhrase, String description, Throwable exception) {
    if (status >= 500) {
      LOG.log(Level.ERROR, "a request failed in the container", exception);
    } else {
      LOG.log(Level.DEBUG, () -> "the container refused a request with " + status);
    }
    Response response = request.getResponse();
    byte[] body = Problems.body(status, detail(status));
    Problems.mark(response.getResponse());
    response.setContentLength(body.length);
    try {
      OutputBuffer out = response.getOutputBuffer();
      out.write(body);
      out.flush();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "the client left before its problem was written", e);
    }
    return null;
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
}
