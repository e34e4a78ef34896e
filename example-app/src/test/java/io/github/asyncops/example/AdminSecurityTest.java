package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The filter that gives a console session the admin role: only a request whose cookie names an open
 * session gets the principal {@code admin} and the roles {@code asyncops-admin} and {@code
 * asyncops-viewer}; one without the cookie, with an unknown or a closed session keeps its anonymous
 * security context. The requests are fakes of {@link ContainerRequestContext} that record the
 * context set; the admin API's 404 for the others is {@link AdminConsoleIT}'s.
 */
final class AdminSecurityTest {
  private final AdminSessions sessions = AdminSessions.of("pw");
  private final AdminSecurity filter = new AdminSecurity(sessions);

  @Test
  void a_valid_session_is_the_admin_with_both_roles() {
    FakeRequest request = new FakeRequest(sessions.login("pw"), true);

    filter.filter(request.context);

    SecurityContext security = request.security;
    assertThat(security.getUserPrincipal().getName()).isEqualTo("admin");
    assertThat(security.isUserInRole("asyncops-admin")).isTrue();
    assertThat(security.isUserInRole("asyncops-viewer")).isTrue();
    assertThat(security.isUserInRole("root")).isFalse();
    assertThat(security.isSecure()).as("kept from the request").isTrue();
    assertThat(security.getAuthenticationScheme()).isEqualTo(SecurityContext.FORM_AUTH);
  }

  @Test
  void requests_without_a_valid_session_keep_their_anonymous_context() {
    String closed = sessions.login("pw");
    sessions.logout(closed);
    for (String cookie : new String[] {null, "", "forged-session-id-1234", closed}) {
      FakeRequest request = new FakeRequest(cookie, false);

      filter.filter(request.context);

      assertThat(request.security).as(String.valueOf(cookie)).isSameAs(request.anonymous);
      assertThat(request.security.getUserPrincipal()).isNull();
      assertThat(request.security.isUserInRole("asyncops-admin")).isFalse();
    }
  }

  /** A request with an optional session cookie and an anonymous security context. */
  private static final class FakeRequest {
    final SecurityContext anonymous;
    SecurityContext security;
    final ContainerRequestContext context;

    FakeRequest(String session, boolean secure) {
      anonymous = anonymous(secure);
      security = anonymous;
      Map<String, Cookie> cookies =
          session == null
              ? Map.of()
              : Map.of(
                  AdminSessions.COOKIE,
                  new Cookie.Builder(AdminSessions.COOKIE).value(session).build());
      context =
          (ContainerRequestContext)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {ContainerRequestContext.class},
                  (proxy, method, args) ->
                      switch (method.getName()) {
                        case "getCookies" -> cookies;
                        case "getSecurityContext" -> security;
                        case "setSecurityContext" -> {
                          security = (SecurityContext) args[0];
                          yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                      });
    }

    private static SecurityContext anonymous(boolean secure) {
      return new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
          return null;
        }

        @Override
        public boolean isUserInRole(String role) {
          return false;
        }

        @Override
        public boolean isSecure() {
          return secure;
        }

        @Override
        public String getAuthenticationScheme() {
          return null;
        }
      };
    }
  }
}
