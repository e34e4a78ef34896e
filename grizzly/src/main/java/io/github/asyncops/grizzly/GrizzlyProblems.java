package io.github.asyncops.grizzly;

import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Makes a Grizzly server (usually Jersey's, from {@code GrizzlyHttpServerFactory}) answer what it
 * refuses itself as the asyncops adapter answers its own errors: an RFC 9457 {@code
 * application/problem+json} body with {@code X-Content-Type-Options: nosniff} and {@code
 * Cache-Control: no-store}, never an HTML page, an empty 500 or a stack trace.
 *
 * <p>It covers three things that never reach JAX-RS:
 *
 * <ul>
 *   <li>Grizzly's error pages (an unmapped path, a failure in a handler, Jersey's container
 *       refusing a request) become problems. A 5xx is logged with its exception; a 4xx is the
 *       client's mistake and is logged at {@code DEBUG} only.
 *   <li>A request URI that Grizzly or Jersey's container cannot decode (a broken or lone {@code %}
 *       escape, an escaped NUL, {@code /} or {@code \}, invalid UTF-8, a {@code .} or {@code ..}
 *       segment, a character that must be escaped) is answered 400 before any handler sees it; the
 *       connection is then closed.
 *   <li>The HTTP/2 cleartext upgrade ({@code Upgrade: h2c}) that the JDK's {@code HttpClient}
 *       offers is declined, so the request is served as HTTP/1.1 (Grizzly without its HTTP/2 add-on
 *       would lose the framing of a request body and leave the client waiting).
 * </ul>
 *
 * <pre>{@code
 * HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, application, false);
 * GrizzlyProblems.install(server);
 * server.start();
 * }</pre>
 *
 * <p>Requests that cannot be framed at all (a request line or header line that HTTP/1.1 cannot
 * split, an unknown HTTP version) are refused by Grizzly's HTTP codec before any of this runs, and
 * keep its empty 400 or 505.
 */
public final class GrizzlyProblems {
  private GrizzlyProblems() {}

  /**
   * Installs the problem answers on every listener of a server that is not started yet. Listeners
   * added later are not covered. Call it once per server, from the thread that builds it.
   *
   * @param server the server, not started
   * @throws IllegalStateException if the server is already started, since Grizzly builds each
   *     listener's filter chain when it starts
   * @throws NullPointerException if {@code server} is null
   */
  public static void install(HttpServer server) {
    if (server.isStarted()) {
      throw new IllegalStateException(
          "install the problem answers before the server starts: createHttpServer(uri, app, false)");
    }
    // RFC 9110 lets any request carry content; Grizzly refuses it with an empty 400, before any
    // handler, for methods whose content has no defined meaning (DELETE, OPTIONS, unknown ones).
    // Let the application answer them, as it answers every other request.
    server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
    for (NetworkListener listener : server.getListeners()) {
      listener.registerAddOn(new RequestChecks());
      listener.setDefaultErrorPageGenerator(new ProblemPages());
    }
  }
}
