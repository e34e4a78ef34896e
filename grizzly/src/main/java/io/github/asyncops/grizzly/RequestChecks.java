package io.github.asyncops.grizzly;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Puts the checks that see each parsed request before any handler right after the HTTP codec: the
 * h2c decliner first, then the URI check.
 */
final class RequestChecks implements AddOn {
  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int codec = builder.indexOfType(HttpServerFilter.class);
    builder.add(codec + 1, new MalformedUris());
    builder.add(codec + 1, new H2cDecliner());
  }
}
