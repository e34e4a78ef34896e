package io.github.asyncops.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * Stands in for an application's authentication: a request with {@code X-Test-User: name} has that
 * principal, and {@code X-Test-Roles: a,b} gives it roles.
 */
@PreMatching
public final class TestPrincipals implements ContainerRequestFilter {
  static final String USER = "X-Test-User";
  static final String ROLES = "X-Test-Roles";

  /** Creates the filter. */
  public TestPrincipals() {}

  @Override
  public void filter(ContainerRequestContext request) {
    String name = request.getHeaderString(USER);
    if (name == null) {
      return;
    }
    String roles = request.getHeaderString(ROLES);
    Set<String> granted = roles == null ? Set.of() : Set.of(roles.split(","));
    Principal principal = () -> name;
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }

          @Override
          public boolean isUserInRole(String role) {
            return granted.contains(role);
          }

          @Override
          public boolean isSecure() {
            return false;
          }

          @Override
          public String getAuthenticationScheme() {
            return "TEST";
          }
        });
  }
}
