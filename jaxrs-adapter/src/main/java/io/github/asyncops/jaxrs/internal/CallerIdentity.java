package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.jaxrs.Caller;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * Who makes a request: the principal's name, or else the client id of the {@code asyncops-client}
 * cookie ({@link ClientCookie}), a new one for a caller that brings none or a malformed one.
 *
 * @param caller the caller
 * @param newCookie the cookie that gives the caller its new client id, for every response to set;
 *     null when the caller has a principal or brought a valid id
 */
record CallerIdentity(Caller caller, NewCookie newCookie) {

  /**
   * Identifies the caller of a request.
   *
   * @param requirePrincipal whether anonymous callers are refused
   * @param headers the request's headers, for the cookie
   * @param security the request's security context
   * @return the identity
   * @throws ProblemException 403 if a principal is required and there is none
   */
  static CallerIdentity of(
      boolean requirePrincipal, HttpHeaders headers, SecurityContext security) {
    Principal principal = security.getUserPrincipal();
    String name = principal == null ? null : principal.getName();
    if (name != null && !name.isEmpty()) {
      return new CallerIdentity(new Caller(name, principal, security), null);
    }
    if (requirePrincipal) {
      throw Problem.AUTHENTICATION_REQUIRED.exception(Detail.of("authentication-required"));
    }
    NewCookie cookie = null;
    String id = ClientCookie.idOf(headers);
    if (id == null) {
      id = ClientCookie.newId();
      cookie = ClientCookie.of(id, security.isSecure());
    }
    return new CallerIdentity(new Caller(Caller.ANONYMOUS_PREFIX + id, null, security), cookie);
  }
}
