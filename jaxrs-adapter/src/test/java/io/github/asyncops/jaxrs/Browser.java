package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * One browser: a JDK {@link HttpClient} with its own cookie jar, speaking HTTP/1.1 to a {@link
 * Server}, sending what the widget sends. It reads the server's OpenAPI document first and checks
 * every response it receives, events included, against it ({@link Contract}).
 */
final class Browser {
  static final Duration PATIENCE = Duration.ofSeconds(10);

  final CookieManager cookies = new CookieManager();
  private final Server server;
  private final HttpClient client;
  private final Contract contract;
  // The stand-in authentication's headers (TestPrincipals) sent with every request, or none.
  private final String[] identity;

  Browser(Server server) {
    this(server, null, null);
  }

  /**
   * A browser whose every request, the OpenAPI document's included, carries a principal with roles
   * ({@link TestPrincipals}); an anonymous one when {@code user} is null.
   */
  Browser(Server server, String user, String roles) {
    this.server = server;
    this.identity =
        user == null
            ? new String[0]
            : roles == null
                ? new String[] {TestPrincipals.USER, user}
                : new String[] {TestPrincipals.USER, user, TestPrincipals.ROLES, roles};
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .connectTimeout(PATIENCE)
            .build();
    HttpResponse<String> document = unchecked(request("operations/openapi.json").GET());
    assertThat(document.statusCode()).isEqualTo(200);
    this.contract = new Contract(document.body());
    contract.check("GET", document.uri(), 200, document.headers(), document.body());
  }

  /** A request to a path under the application, with the widget's headers. */
  HttpRequest.Builder request(String path) {
    return identified(HttpRequest.newBuilder(server.uri(path)))
        .timeout(PATIENCE)
        .header("Accept", "application/json")
        .header("X-Requested-With", "asyncops");
  }

  private HttpRequest.Builder identified(HttpRequest.Builder request) {
    return identity.length == 0 ? request : request.headers(identity);
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  HttpResponse<String> post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    HttpResponse<String> response = unchecked(request);
    contract.check(
        response.request().method(),
        response.uri(),
        response.statusCode(),
        response.headers(),
        response.body());
    return response;
  }

  private HttpResponse<String> unchecked(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Opens an event stream, with {@code Last-Event-ID} when {@code lastEventId} is not null. */
  EventReader events(String path, String lastEventId) {
    HttpRequest.Builder request =
        identified(HttpRequest.newBuilder(server.uri(path))).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      HttpResponse<Stream<String>> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
      contract.check("GET", response.uri(), response.statusCode(), response.headers(), null);
      return new EventReader(response, contract);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
