package io.github.asyncops.jaxrs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.HttpRequestURIDecoder;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.memory.Buffers;

/**
 * The adapter README's recipe for Grizzly: the errors that Grizzly and Jersey's Grizzly container
 * answer before the adapter sees a request become problem+json. An {@link ErrorPageGenerator}
 * replaces Grizzly's HTML error page (with its stack trace), and a filter right after the HTTP
 * codec answers 400 to a URI that Grizzly would answer with an empty 500 or Jersey's container with
 * that page: a broken percent-escape, an escaped NUL, {@code /} or {@code \}, invalid UTF-8, or a
 * dot segment. The demo's server does the same.
 */
final class GrizzlyProblems extends BaseFilter implements AddOn, ErrorPageGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Registers the recipe on every listener of a server that is not started yet. */
  static void register(HttpServer server) {
    for (NetworkListener listener : server.getListeners()) {
      listener.registerAddOn(new GrizzlyProblems());
      listener.setDefaultErrorPageGenerator(new GrizzlyProblems());
    }
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    builder.add(builder.indexOfType(HttpServerFilter.class) + 1, this);
  }

  @Override
  public String generate(
      org.glassfish.grizzly.http.server.Request request,
      int status,
      String reasonPhrase,
      String description,
      Throwable exception) {
    request.getResponse().setContentType("application/problem+json");
    return new String(problem(status, "the server refused the request"), StandardCharsets.UTF_8);
  }

  // Grizzly's FilterChainContext.write takes a CompletionHandler of the raw WriteResult.
  @SuppressWarnings("rawtypes")
  @Override
  public NextAction handleRead(FilterChainContext ctx) {
    if (!(ctx.getMessage() instanceof HttpContent content)
        || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
      return ctx.getInvokeAction();
    }
    HttpResponsePacket response = request.getResponse();
    if (response.isCommitted()) {
      return ctx.getStopAction();
    }
    if (decodes(request)) {
      return ctx.getInvokeAction();
    }
    byte[] body = problem(400, "the request URI is malformed");
    response.setStatus(400);
    response.setContentType("application/problem+json");
    response.setContentLength(body.length);
    response.setHeader("Connection", "close");
    Connection<?> connection = ctx.getConnection();
    ctx.write(
        HttpContent.builder(response)
            .content(Buffers.wrap(ctx.getMemoryManager(), body))
            .last(true)
            .build(),
        new EmptyCompletionHandler<WriteResult>() {
          @Override
          public void completed(WriteResult result) {
            connection.closeSilently();
          }
        });
    return ctx.getStopAction();
  }

  /** Decodes the URI as Grizzly and Jersey will, on copies. */
  private static boolean decodes(HttpRequestPacket request) {
    String path = request.getRequestURI();
    String query = request.getQueryString();
    try {
      // Jersey's container builds a java.net.URI, after escaping these in the query only.
      String escaped = query == null ? "" : "?" + jerseyEscaped(query);
      URI.create("http://localhost" + path + escaped);
      for (String segment : path.split("/", -1)) {
        String name = URLDecoder.decode(segment, StandardCharsets.UTF_8);
        if (name.equals(".") || name.equals("..")) {
          return false;
        }
      }
      byte[] raw = path.getBytes(StandardCharsets.ISO_8859_1);
      DataChunk original = DataChunk.newInstance();
      original.setBytes(raw);
      DataChunk decoded = DataChunk.newInstance();
      decoded.setBytes(new byte[raw.length]);
      HttpRequestURIDecoder.decode(original, decoded, false, StandardCharsets.UTF_8);
      if (query != null) {
        URLDecoder.decode(query, StandardCharsets.UTF_8);
      }
      return true;
    } catch (CharConversionException | RuntimeException e) {
      return false;
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

  private static byte[] problem(int status, String detail) {
    Map<String, Object> problem =
        Map.of(
            "type",
            "about:blank",
            "title",
            HttpStatus.getHttpStatus(status).getReasonPhrase(),
            "status",
            status,
            "detail",
            detail);
    try {
      return JSON.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
