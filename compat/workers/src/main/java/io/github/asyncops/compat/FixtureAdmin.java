package io.github.asyncops.compat;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * A test fixture, never to be copied into an application: it signs in whoever sends {@value
 * #AUTHORIZATION} as the header {@code Authorization} as {@value #NAME}, in the adapter's default
 * admin role {@value #ROLE}, so that the admin contract has an operator on every runtime. Anybody
 * who knows the fixed token is an admin; a real application authenticates its operators (Spring
 * Security, a servlet login, a gateway) and lets the adapter's {@code AccessPolicy} read the roles.
 *
 * <p>Each compatibility application registers this feature outside the set-up that the adapter's
 * README shows, the way that runtime adds a provider. Requests without the header are untouched:
 * the callers stay anonymous and get 404 on every admin path.
 */
public final class FixtureAdmin implements Feature {
  /** The {@code Authorization} header's value that signs a request in. */
  public static final String AUTHORIZATION = "Bearer test-fixture-admin-never-in-production";

  /** The signed-in principal's name: the owner of what the admin starts. */
  public static final String NAME = "fixture-admin";

  /** The adapter's default admin role, which may read, stop and delete. */
  public static final String ROLE = "asyncops-admin";

  /** Creates the feature. */
  public FixtureAdmin() {}

  @Override
  public boolean configure(FeatureContext context) {
    context.register(new SignIn(), Priorities.AUTHENTICATION);
    return true;
  }

  /** Runs before matching, as the adapter's admin gate does, and before it. */
  @PreMatching
  static final class SignIn implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (AUTHORIZATION.equals(request.getHeaderString("Authorization"))) {
        request.setSecurityContext(new Admin(request.getSecurityContext().isSecure()));
      }
    }
  }

  /** The signed-in admin's security context. */
  record Admin(boolean isSecure) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return () -> NAME;
    }

    @Override
    public boolean isUserInRole(String role) {
      return ROLE.equals(role);
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
