package io.github.asyncops.jaxrs.internal;

import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies up to a limit, so an oversized body is refused before it is buffered. */
final class Bodies {
  private Bodies() {}

  /**
   * Accepts a JSON body, or none at all. Checked here rather than with {@code @Consumes}, because
   * runtimes disagree about a request without {@code Content-Type}: Jersey lets it match {@code
   * application/json}, RESTEasy answers 415.
   *
   * @param type the request's {@code Content-Type}, or null
   * @throws ProblemException 415 for any other media type
   */
  static void requireJsonOrNone(MediaType type) {
    if (type != null
        && !(type.getType().equalsIgnoreCase("application")
            && type.getSubtype().equalsIgnoreCase("json"))) {
      throw new ProblemException(Problem.http(415, Detail.of("unsupported-media-type")));
    }
  }

  /**
   * Reads a body.
   *
   * @param in the body, or null for none
   * @param contentLength the {@code Content-Length} header, or null
   * @param limit the most bytes accepted
   * @return the bytes, empty for no body
   * @throws ProblemException 413 if the body is longer than {@code limit}, 400 if it cannot be read
   */
  static byte[] read(InputStream in, String contentLength, int limit) {
    if (declaredLength(contentLength) > limit) {
      throw tooLarge(limit);
    }
    if (in == null) {
      return new byte[0];
    }
    byte[] bytes;
    try {
      bytes = in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw Problem.INVALID_REQUEST.exception(Detail.of("body-unreadable"));
    }
    if (bytes.length > limit) {
      throw tooLarge(limit);
    }
    return bytes;
  }

  private static long declaredLength(String header) {
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static ProblemException tooLarge(int limit) {
    return Problem.BODY_TOO_LARGE.exception(Detail.of("body-too-large", limit));
  }
}
