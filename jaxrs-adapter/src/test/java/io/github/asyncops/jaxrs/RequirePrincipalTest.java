package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** {@code requirePrincipal(true)}: anonymous callers get 403 and no cookie; principals pass. */
final class RequirePrincipalTest extends GrizzlyTest {

  RequirePrincipalTest() {
    super(new Harness(adapter -> adapter.requirePrincipal(true)));
  }

  @Test
  void an_anonymous_caller_answers_403_without_a_cookie() {
    Response response = call("operations/missile-launch").get();

    Http.problem(
        response,
        403,
        "authentication-required",
        "Authentication required",
        "sign in to use background operations");
    assertThat(response.getCookies()).isEmpty();
  }

  @Test
  void a_principal_is_served() {
    Response response = call("operations").header(TestPrincipals.USER, "ann").get();

    assertThat(response.getStatus()).isEqualTo(200);
  }
}
