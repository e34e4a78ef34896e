package io.github.asyncops.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * With Spring Security, the signed-in user owns what they start: a {@code USER}-scope report that
 * alice started is listed for alice and not for bob. The admin API follows the authorities: root
 * has the authority of {@code asyncops.admin.role} (set to {@code ops-admin} here, without Spring's
 * role prefix), vera the default read role as a Spring role, and everyone else gets 404. Runs in
 * its own failsafe execution, the only one with Spring Security on the class path.
 */
@SpringBootTest(
    classes = {TestApplication.class, SecurityOwnerIT.Secured.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "asyncops.admin.role=ops-admin")
final class SecurityOwnerIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Basic authentication for alice and bob; the adapter has its own CSRF defence. */
  @TestConfiguration
  static class Secured {
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .httpBasic(Customizer.withDefaults())
          .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
          .build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
      return new InMemoryUserDetailsManager(
          User.withUsername("alice").password("{noop}a-secret").roles("USER").build(),
          User.withUsername("bob").password("{noop}b-secret").roles("USER").build(),
          User.withUsername("carol").password("{noop}c-secret").roles("USER").build(),
          User.withUsername("root").password("{noop}r-secret").authorities("ops-admin").build(),
          User.withUsername("vera")
              .password("{noop}v-secret")
              .roles("USER", "asyncops-viewer")
              .build());
    }
  }

  private HttpResponse<String> send(String user, String password, HttpRequest.Builder request)
      throws Exception {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return http.send(
        request.header("Authorization", "Basic " + credentials).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
  }

  @Test
  void the_signed_in_user_owns_what_they_start() throws Exception {
    HttpResponse<String> started =
        send(
            "alice",
            "a-secret",
            at("/api/operations/report")
                .header("Content-Type", "application/json")
                .header("Prefer", "wait=5")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pages\": 1}")));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(started.headers().firstValue("Set-Cookie")).isEmpty();

    JsonNode alices = JSON.readTree(send("alice", "a-secret", at("/api/operations/report")).body());
    JsonNode bobs = JSON.readTree(send("bob", "b-secret", at("/api/operations/report")).body());
    assertThat(alices).hasSize(1);
    assertThat(bobs).isEmpty();
    assertThat(send("alice", "wrong", at("/api/operations/report")).statusCode()).isEqualTo(401);
  }

  @Test
  void the_admin_api_follows_the_authorities() throws Exception {
    HttpResponse<String> started =
        send(
            "carol",
            "c-secret",
            at("/api/operations/report")
                .header("Content-Type", "application/json")
                .header("Prefer", "wait=5")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pages\": 1}")));
    String id = JSON.readTree(started.body()).path("id").asText();
    HttpResponse<String> asRoot = send("root", "r-secret", at("/api/operations/_admin/summary"));
    HttpResponse<String> asVera =
        send("vera", "v-secret", at("/api/operations/_admin/operations/" + id));
    HttpResponse<String> veraDeletes = send("vera", "v-secret", delete(id));
    HttpResponse<String> asBob = send("bob", "b-secret", at("/api/operations/_admin/summary"));
    HttpResponse<String> rootDeletes = send("root", "r-secret", delete(id));

    assertThat(asRoot.statusCode()).as(asRoot.body()).isEqualTo(200);
    assertThat(JSON.readTree(asRoot.body()).path("types").get(0).path("type").asText())
        .isEqualTo("report");
    assertThat(asVera.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(asVera.body()).path("owner").asText()).isEqualTo("carol");
    assertThat(veraDeletes.statusCode()).as(veraDeletes.body()).isEqualTo(403);
    assertThat(asBob.statusCode()).isEqualTo(404);
    assertThat(asBob.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(rootDeletes.statusCode()).as(rootDeletes.body()).isEqualTo(204);
  }

  private HttpRequest.Builder delete(String id) {
    return at("/api/operations/_admin/operations/" + id)
        .header("X-Requested-With", "test")
        .DELETE();
  }
}
