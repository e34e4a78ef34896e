package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET {base}/{type}/{id}/result}: a value as JSON, or a download with its media type, file
 * name and, when known, length.
 */
final class Results {
  private Results() {}

  /**
   * Answers with an ended operation's result.
   *
   * @param exchange the request
   * @param operation an operation the caller may see
   * @return the response
   * @throws io.github.asyncops.core.OperationActiveException if the operation is still active
   * @throws ProblemException 404 if it ended without a result
   */
  static Response of(Exchange exchange, OperationSnapshot operation) {
    OperationResult result = require(exchange, operation);
    if (result instanceof OperationResult.Download download) {
      return exchange.responses().build(download(download));
    }
    return value(exchange, operation, result);
  }

  /**
   * Answers a {@code HEAD} of an ended operation's result: the headers of {@link #of}, without
   * opening a download, which a {@code HEAD} would never read or close.
   *
   * @param exchange the request
   * @param operation an operation the caller may see
   * @return the response
   * @throws io.github.asyncops.core.OperationActiveException if the operation is still active
   * @throws ProblemException 404 if it ended without a result
   */
  static Response headers(Exchange exchange, OperationSnapshot operation) {
    OperationResult result = require(exchange, operation);
    if (result instanceof OperationResult.Download download) {
      return exchange.responses().build(downloadHeaders(Response.ok(), download));
    }
    return value(exchange, operation, result);
  }

  private static OperationResult require(Exchange exchange, OperationSnapshot operation) {
    Optional<OperationResult> result = exchange.engine().result(operation.id());
    if (result.isEmpty()) {
      throw Problem.NO_RESULT.exception(Detail.of("no-result", operation.id(), operation.state()));
    }
    return result.get();
  }

  private static Response value(
      Exchange exchange, OperationSnapshot operation, OperationResult result) {
    Object value = ((OperationResult.Value) result).value();
    try {
      byte[] json = exchange.config().mapper().writeValueAsBytes(value);
      return exchange.responses().build(Response.ok(json, MediaType.APPLICATION_JSON_TYPE));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the result of operation " + operation.id() + " cannot be written as JSON", e);
    }
  }

  /** Opens the content now, so that a failure to open it is an error response, not a cut one. */
  private static Response.ResponseBuilder download(OperationResult.Download download) {
    InputStream content;
    try {
      content = download.content().open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the download " + download.fileName(), e);
    }
    StreamingOutput body =
        out -> {
          try (InputStream in = content) {
            in.transferTo(out);
          }
        };
    return downloadHeaders(Response.ok(body), download);
  }

  private static Response.ResponseBuilder downloadHeaders(
      Response.ResponseBuilder builder, OperationResult.Download download) {
    builder
        .type(MediaType.valueOf(download.mediaType()))
        .header("Content-Disposition", attachment(download.fileName()));
    if (download.length() >= 0) {
      builder.header(HttpHeaders.CONTENT_LENGTH, download.length());
    }
    return builder;
  }

  /**
   * A {@code Content-Disposition} that offers a file (RFC 6266): a plain ASCII {@code filename} for
   * old clients and the exact name as UTF-8 in {@code filename*} (RFC 8187).
   *
   * @param fileName the file name
   * @return the header value
   */
  static String attachment(String fileName) {
    StringBuilder ascii = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    fileName.codePoints().forEach(c -> ascii.append(safeAscii(c) ? (char) c : '_'));
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (attrChar(c)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  private static boolean safeAscii(int c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != '%';
  }

  private static boolean attrChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$&+-.^_`|~".indexOf(c) >= 0;
  }
}
