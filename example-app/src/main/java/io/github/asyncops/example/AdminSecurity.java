package io.github.asyncops.example;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * Makes a request that carries a valid console session ({@link AdminSessions}) the request of the
 * user {@value AdminSessions#ADMIN} with the roles {@value #ADMIN_ROLE} and {@value #VIEWER_ROLE},
 * the roles the adapter's default access policy asks the JAX-RS security context about. Every other
 * request keeps the security context it has: without a principal, the adapter knows the caller by
 * its {@code asyncops-client} cookie, as before. Registered with the priority {@code
 * Priorities.AUTHENTICATION}, so it runs before the adapter's own filters.
 */
@PreMatching
final class AdminSecurity implements ContainerRequestFilter {
  /** The role that may see, stop and delete every operation. */
  static final String ADMIN_ROLE = "asyncops-admin";

  /** The role that may see every operation. */
  static final String VIEWER_ROLE = "asyncops-viewer";

  private static final Set<String> ROLES = Set.of(ADMIN_ROLE, VIEWER_ROLE);
  private static final Principal ADMIN = () -> AdminSessions.ADMIN;

  private final AdminSessions sessions;

  AdminSecurity(AdminSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Cookie cookie = request.getCookies().get(AdminSessions.COOKIE);
    if (cookie == null || !sessions.valid(cookie.getValue())) {
      return;
    }
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return ADMIN;
          }

          @Override
          public boolean isUserInRole(String role) {
            return ROLES.contains(role);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return SecurityContext.FORM_AUTH;
          }
        });
  }
}
