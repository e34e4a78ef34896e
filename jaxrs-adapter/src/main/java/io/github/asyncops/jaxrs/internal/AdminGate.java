package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.jaxrs.AdminAccess;
import io.github.asyncops.jaxrs.Caller;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * Hides the operator console's API ({@link #PREFIX} below the base) from callers the access policy
 * gives no admin access: every method at every admin path answers them the 404 of an unknown path,
 * before matching, so neither a 405, an {@code Allow} header nor an {@code OPTIONS} answer tells
 * them the paths exist. A caller with read access gets a 403 problem for a write: it may know the
 * paths. The endpoints check again, so they stay closed on a runtime that skipped this filter.
 *
 * <p>Runs after the {@link CsrfFilter}, so a cross-site write gets the same 403 at an admin path as
 * at any unknown path.
 */
@PreMatching
final class AdminGate implements ContainerRequestFilter {
  /** The admin paths' first segment below the base. */
  static final String PREFIX = "_admin";

  /** After the CSRF filter, which has the default user priority. */
  static final int PRIORITY = Priorities.USER + 100;

  private static final Set<String> READS = Set.of("GET", "HEAD");

  private final AdapterConfig config;

  AdminGate(AdapterConfig config) {
    this.config = config;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String below = config.base().below(request.getUriInfo().getPath());
    if (below == null || !(below.equals(PREFIX) || below.startsWith(PREFIX + "/"))) {
      return;
    }
    AdminAccess access =
        new Access(config.accessPolicy(), callerOf(request)).admin(config.adminRoles());
    if (!access.mayRead()) {
      request.abortWith(UnknownPath.response());
    } else if (!access.mayWrite() && !READS.contains(request.getMethod())) {
      request.abortWith(Problem.FORBIDDEN.response(Detail.of("admin-read-only")));
    }
  }

  /**
   * The caller as the endpoints will see it, read before matching: an anonymous caller's owner
   * comes from its client cookie, or is a fresh one that no operation has.
   */
  private static Caller callerOf(ContainerRequestContext request) {
    SecurityContext security = request.getSecurityContext();
    Principal principal = security.getUserPrincipal();
    if (principal != null && principal.getName() != null && !principal.getName().isEmpty()) {
      return new Caller(principal.getName(), principal, security);
    }
    Cookie cookie = request.getCookies().get(ClientCookie.NAME);
    String id = cookie == null ? null : cookie.getValue();
    String owner = OperationId.isValid(id) ? id : ClientCookie.newId();
    return new Caller(Caller.ANONYMOUS_PREFIX + owner, null, security);
  }
}
