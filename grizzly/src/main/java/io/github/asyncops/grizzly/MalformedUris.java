package io.github.asyncops.grizzly;

import java.io.CharConversionException;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.HttpRequestURIDecoder;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Answers a request whose URI Grizzly or Jersey cannot decode with a 400 problem, before it reaches
 * them: Grizzly's handler chain answers an empty 500 to a path with {@code %00}, invalid UTF-8, an
 * encoded {@code /} or {@code \} or a broken escape, and Jersey's container a 500 HTML page with a
 * stack trace to a broken escape in the query. Sits in the filter chain right after the HTTP codec,
 * so it sees each parsed request first. The connection is closed after the answer, since the rest
 * of the request is not read.
 */
final class MalformedUris extends BaseFilter {
  private static final String ESCAPES =
      "the request URI is malformed: it has a character that must be percent-encoded, a broken"
          + " percent-escape, or one that encodes a character that is not allowed (NUL, an invalid"
          + " UTF-8 sequence, / or \\)";

  private static final String DOTS =
      "the request path has a '.' or '..' segment; send the path with them resolved";

  // Grizzly's FilterChainContext.write takes a CompletionHandler of the raw WriteResult.
  @SuppressWarnings("rawtypes")
  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
      return ctx.getInvokeAction();
    }
    HttpResponsePacket response = request.getResponse();
    if (response.isCommitted()) {
      // The rest of a request already refused.
      return ctx.getStopAction();
    }
    String problem = problem(request);
    if (problem == null) {
      return ctx.getInvokeAction();
    }
    byte[] body = Problems.body(400, problem);
    response.setStatus(400);
    Problems.mark(response);
    response.setContentLength(body.length);
    response.setHeader("Connection", "close");
    Buffer buffer = Buffers.wrap(ctx.getMemoryManager(), body);
    Connection<?> connection = ctx.getConnection();
    ctx.write(
        HttpContent.builder(response).content(buffer).last(true).build(),
        new EmptyCompletionHandler<WriteResult>() {
          @Override
          public void completed(WriteResult result) {
            connection.closeSilently();
          }

          @Override
          public void failed(Throwable failure) {
            connection.closeSilently();
          }
        });
    return ctx.getStopAction();
  }

  /**
   * Checks a request's URI as Grizzly and Jersey will read it.
   *
   * @param request the request
   * @return null if both can, else the problem's detail
   */
  private static String problem(HttpRequestPacket request) {
    String path = request.getRequestURI();
    String query = request.getQueryString();
    try {
      // Jersey's container builds a java.net.URI, after escaping these in the query only.
      String escaped = query == null ? "" : "?" + jerseyEscaped(query);
      URI.create("http://localhost" + path + escaped);
      for (String segment : path.split("/", -1)) {
        String name = URLDecoder.decode(segment, StandardCharsets.UTF_8);
        if (name.equals(".") || name.equals("..")) {
          // Grizzly's normaliser fails on some of these with an empty 500.
          return DOTS;
        }
      }
      // Grizzly's own decoder, on a copy, so the request's decoding state stays untouched.
      byte[] raw = path.getBytes(StandardCharsets.ISO_8859_1);
      DataChunk original = DataChunk.newInstance();
      original.setBytes(raw);
      DataChunk decoded = DataChunk.newInstance();
      decoded.setBytes(new byte[raw.length]);
      HttpRequestURIDecoder.decode(original, decoded, false, StandardCharsets.UTF_8);
      if (query != null) {
        URLDecoder.decode(query, StandardCharsets.UTF_8);
      }
      return null;
    } catch (CharConversionException | RuntimeException e) {
      // Grizzly's decoder also fails with IllegalStateException on a lone "%".
      return ESCAPES;
    }
  }

  private static String jerseyEscaped(String query) {
    return query
        .replace("{", "%7B")
        .replace("}", "%7D")
        .replace("\\", "%5C")
        .replace("^", "%5E")
        .replace("|", "%7C")
        .replace("`", "%60");
  }
}
