package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who sees what: USER-scope operations only by their owner, told apart by principal or, for
 * anonymous callers, by the adapter's client cookie; GLOBAL operations by everybody. Event streams
 * are covered by {@code EventsIT}; the access policy hook and {@code requirePrincipal} have their
 * own tests.
 */
final class OwnershipTest extends GrizzlyTest {
  private static final String OTHER_BROWSER = "browser-two-0123456789";

  private Invocation.Builder as(String user, String path) {
    return resource(path)
        .request(JSON)
        .header("X-Requested-With", "asyncops")
        .header(TestPrincipals.USER, user);
  }

  private Invocation.Builder fromBrowser(String clientId, String path) {
    return resource(path)
        .request(JSON)
        .header("X-Requested-With", "asyncops")
        .cookie(COOKIE, clientId);
  }

  private static Entity<String> rows(int n) {
    return Entity.json("{\"rows\": " + n + "}");
  }

  @Test
  void user_operations_are_hidden_from_other_principals() {
    Response started = as("ann", "operations/csv-export").post(rows(3));
    String id = Http.json(started).path("id").asText();
    String path = "operations/csv-export/" + id;

    assertThat(started.getStatus()).isEqualTo(202);
    assertThat(as("ann", path).get().getStatus()).isEqualTo(200);
    for (Response hidden :
        List.of(
            as("bob", path).get(),
            as("bob", path + "/stop").post(Entity.json("{}")),
            as("bob", path + "/result").get(),
            as("bob", path).delete())) {
      Http.problem(hidden, 404, "operation-not-found", "Operation not found", id);
    }
    assertThat(Http.json(as("bob", "operations/csv-export").get())).isEmpty();
    assertThat(Http.json(as("ann", "operations/csv-export").get()).findValuesAsText("id"))
        .containsExactly(id);
  }

  @Test
  void each_principal_gets_its_own_user_operation() {
    String ann = Http.json(as("ann", "operations/csv-export").post(rows(3))).path("id").asText();

    Response bob = as("bob", "operations/csv-export").post(rows(3));
    Response annAgain = as("ann", "operations/csv-export").post(rows(3));

    assertThat(bob.getStatus()).isEqualTo(202);
    assertThat(Http.json(bob).path("id").asText()).isNotEqualTo(ann);
    assertThat(annAgain.getStatus()).isEqualTo(200);
    assertThat(Http.json(annAgain).path("id").asText()).isEqualTo(ann);
  }

  @Test
  void user_operations_are_hidden_from_other_anonymous_browsers() {
    String id = Http.json(call("operations/csv-export").post(rows(3))).path("id").asText();
    String path = "operations/csv-export/" + id;

    assertThat(call(path).get().getStatus()).isEqualTo(200);
    Http.problem(
        fromBrowser(OTHER_BROWSER, path).get(),
        404,
        "operation-not-found",
        "Operation not found",
        id);
    assertThat(Http.json(fromBrowser(OTHER_BROWSER, "operations/csv-export").get())).isEmpty();
    assertThat(
            Http.json(fromBrowser(OTHER_BROWSER, "operations/csv-export").post(rows(3)))
                .path("id")
                .asText())
        .isNotEqualTo(id);
  }

  @Test
  void global_operations_are_visible_to_everybody_without_their_owner() {
    String id =
        Http.json(as("ann", "operations/missile-launch").post(Entity.json("{}")))
            .path("id")
            .asText();

    Response seen = as("bob", "operations/missile-launch/" + id).get();
    Response joined =
        fromBrowser(OTHER_BROWSER, "operations/missile-launch").post(Entity.json("{}"));

    assertThat(seen.getStatus()).isEqualTo(200);
    assertThat(seen.readEntity(String.class)).doesNotContain("ann");
    assertThat(joined.getStatus()).isEqualTo(200);
    assertThat(Http.json(joined).path("id").asText()).isEqualTo(id);
  }

  @Test
  void an_anonymous_caller_without_a_cookie_gets_a_strict_httponly_one() {
    Response response = target("operations").request(JSON).get();

    NewCookie cookie = response.getCookies().get(COOKIE);
    assertThat(cookie.getValue()).matches("[A-Za-z0-9_-]{22}");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.isSecure()).isFalse();
    assertThat(cookie.getPath()).isEqualTo("/");
    assertThat(cookie.getSameSite()).isEqualTo(NewCookie.SameSite.STRICT);
    assertThat(response.getHeaderString("Set-Cookie")).contains("HttpOnly", "SameSite=Strict");
  }

  @Test
  void a_new_cookie_owns_what_its_first_request_started() {
    Response started = target("operations/csv-export").request(JSON).post(rows(3));
    String id = Http.json(started).path("id").asText();
    String clientId = started.getCookies().get(COOKIE).getValue();

    Response seen = fromBrowser(clientId, "operations/csv-export/" + id).get();

    assertThat(seen.getStatus()).isEqualTo(200);
    assertThat(seen.getCookies()).doesNotContainKey(COOKIE);
  }

  @Test
  void a_malformed_cookie_is_replaced_and_principals_get_none() {
    Response malformed = fromBrowser("x", "operations").get();
    Response principal = as("ann", "operations").get();

    assertThat(malformed.getCookies().get(COOKIE).getValue()).matches("[A-Za-z0-9_-]{22}");
    assertThat(principal.getCookies()).doesNotContainKey(COOKIE);
  }

  @Test
  void responses_never_name_an_owner() {
    String id = Http.json(as("ann", "operations/csv-export").post(rows(3))).path("id").asText();

    JsonNode list = Http.json(as("ann", "operations/csv-export").get());
    String status = as("ann", "operations/csv-export/" + id).get().readEntity(String.class);

    assertThat(list.toString()).doesNotContain("ann", "owner");
    assertThat(status).doesNotContain("ann", "owner");
  }
}
