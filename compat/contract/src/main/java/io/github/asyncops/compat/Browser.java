package io.github.asyncops.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * One HTTP client with its own cookie jar, as one browser: two of them are two anonymous callers,
 * unless one is {@linkplain #signedIn signed in}. Paths are relative to the adapter's base, for
 * example {@code flight/ID/stop}.
 */
public final class Browser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final String authorization;
  private final HttpClient http;

  /**
   * Creates an anonymous browser with an empty cookie jar.
   *
   * @param base the adapter's base URI, for example {@code http://localhost:8080/api/operations}
   */
  public Browser(URI base) {
    this(base, null);
  }

  /**
   * Creates a browser that sends an {@code Authorization} header with every request.
   *
   * @param base the adapter's base URI
   * @param authorization the header's value, such as {@code Bearer TOKEN}
   * @return the browser, with an empty cookie jar
   */
  public static Browser signedIn(URI base, String authorization) {
    return new Browser(base, Objects.requireNonNull(authorization, "authorization"));
  }

  private Browser(URI base, String authorization) {
    this.authorization = authorization;
    this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
  }

  /**
   * Starts a request.
   *
   * @param path relative to the base; empty for the base itself
   * @return a request builder with a timeout, and the authorization of a signed-in browser
   */
  public HttpRequest.Builder request(String path) {
    URI uri =
        path.isEmpty() ? URI.create(base.toString().replaceAll("/$", "")) : base.resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    return authorization == null ? request : request.header("Authorization", authorization);
  }

  /**
   * {@code GET}s a path.
   *
   * @param path relative to the base
   * @return the response
   */
  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /**
   * {@code POST}s JSON, as the widget does.
   *
   * @param path relative to the base
   * @param json the body
   * @return the response
   */
  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * Sends a request and reads the body as text.
   *
   * @param request the request
   * @return the response
   */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Sends a request whose body arrives as a stream of lines, such as an event stream.
   *
   * @param request the request
   * @return the response, once its headers arrived
   */
  public CompletableFuture<HttpResponse<Stream<String>>> lines(HttpRequest.Builder request) {
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
  }

  /**
   * Parses a JSON body.
   *
   * @param body the body
   * @return its tree
   */
  public static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }
}
