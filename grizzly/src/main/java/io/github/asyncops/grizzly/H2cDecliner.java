package io.github.asyncops.grizzly;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.util.Header;

/**
 * Declines the HTTP/2 cleartext upgrade ({@code Upgrade: h2c}) that the JDK's default {@code
 * HttpClient} offers on its first request, so the request is served as plain HTTP/1.1 and the
 * client stays with HTTP/1.1 (RFC 9113 section 3.2 lets a server ignore the offer).
 *
 * <p>Grizzly, without its HTTP/2 add-on, takes any {@code Upgrade} request for a switch of
 * protocols and stops framing the body by {@code Content-Length}: a {@code POST} with a body then
 * never ends and the client waits until its timeout. The codec announces an upgrade with an event
 * before it reads the body's framing; this filter, right after the codec, drops the header there.
 */
final class H2cDecliner extends BaseFilter {
  @Override
  public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) {
    if (event instanceof HttpEvents.IncomingHttpUpgradeEvent upgrade) {
      HttpHeader header = upgrade.getHttpHeader();
      if ("h2c".equalsIgnoreCase(header.getUpgrade().trim())) {
        header.getUpgradeDC().recycle();
        header.getHeaders().removeHeader(Header.Upgrade);
        header.setIgnoreContentModifiers(false);
        return ctx.getStopAction();
      }
    }
    return ctx.getInvokeAction();
  }
}
