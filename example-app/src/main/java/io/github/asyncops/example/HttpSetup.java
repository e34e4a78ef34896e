package io.github.asyncops.example;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Makes the demo's Grizzly answer every request it refuses itself as the adapter answers its own:
 * with an {@code application/problem+json} body, never an HTML page, an empty 500 or a stack trace.
 * Also declines the HTTP/2 cleartext upgrade, so the JDK's default {@code HttpClient} works.
 */
final class HttpSetup implements AddOn {
  private HttpSetup() {}

  /**
   * Applies the set-up to a server that is not started yet.
   *
   * @param server the server
   */
  static void apply(HttpServer server) {
    for (NetworkListener listener : server.getListeners()) {
      listener.registerAddOn(new HttpSetup());
      listener.setDefaultErrorPageGenerator(new ContainerProblems());
    }
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
    builder.add(codec + 1, new MalformedUris());
    builder.add(codec + 1, new H2cDecliner());
  }
}
