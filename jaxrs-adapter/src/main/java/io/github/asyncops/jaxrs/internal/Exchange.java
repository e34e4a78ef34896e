package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.jaxrs.Caller;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One request to the adapter, read once when it arrives: the adapter's configuration, who calls
 * ({@link CallerIdentity}), what the policy allows them ({@link Access}), how to find what the path
 * names ({@link Lookup}), how to describe operations ({@link StatusViews}) and how to answer
 * ({@link Responses}). What the request's context says is read when the exchange is made, so the
 * views and responses also work on other threads, for the statuses an event stream sends later.
 *
 * @param config the adapter's configuration
 * @param caller who makes the request
 * @param access what the access policy allows the caller
 * @param lookup finds types and operations the caller may see
 * @param views describes operations with links under the request's base
 * @param responses builds the request's responses
 */
record Exchange(
    AdapterConfig config,
    Caller caller,
    Access access,
    Lookup lookup,
    StatusViews views,
    Responses responses) {

  /**
   * Reads a request. An anonymous caller without a valid client cookie gets a new client id, which
   * every response built by {@link Responses#build} sets as a cookie.
   *
   * @param config the adapter's configuration
   * @param uriInfo the request's URIs
   * @param headers the request's headers
   * @param security the request's security context
   * @return the exchange
   * @throws ProblemException if a principal is required and there is none
   */
  static Exchange of(
      AdapterConfig config, UriInfo uriInfo, HttpHeaders headers, SecurityContext security) {
    CallerIdentity identity = CallerIdentity.of(config.requirePrincipal(), headers, security);
    URI base = uriInfo.getBaseUri();
    Access access = new Access(config.accessPolicy(), identity.caller());
    // MalformedRequestFilter has answered 400 already if Accept-Language cannot be parsed.
    List<Locale> preferred = ViewerLocale.preferred(uriInfo, headers.getAcceptableLanguages());
    StatusViews views =
        new StatusViews(
            config.renderings(),
            config.base().under(base),
            base,
            config.engine(),
            config.engine().locale(preferred),
            config.engine().textLanguage(preferred).orElse(null));
    return new Exchange(
        config,
        identity.caller(),
        access,
        new Lookup(config.engine(), access),
        views,
        new Responses(views, identity.newCookie()));
  }

  /**
   * The engine.
   *
   * @return the engine
   */
  OperationEngine engine() {
    return config.engine();
  }
}
