package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationState;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key}: a retried start answers 200 with the operation the first one started,
 * even under REJECT or RESTART; the key is per owner and type, is refused with other parameters
 * (422), and is free again once its operation is forgotten. Racing starts with one key start one
 * operation. The engine's store keeps the keys; {@code IdempotencyKeysPostgresIT} in the JDBC store
 * and the demo's {@code DemoClusterIT} cover a retry that reaches another node.
 */
final class IdempotencyKeyTest extends GrizzlyTest {

  private Response start(String path, String body, String key) {
    return call(path).header("Idempotency-Key", key).post(Entity.json(body));
  }

  private Response startAs(String user, String path, String body, String key) {
    return call(path)
        .header("Idempotency-Key", key)
        .header(TestPrincipals.USER, user)
        .post(Entity.json(body));
  }

  @Test
  void a_retried_start_answers_with_the_same_operation() {
    Response first = start("operations/reject", "{}", "k-1");
    Response retry = start("operations/reject", "{}", "k-1");

    assertThat(first.getStatus()).isEqualTo(202);
    assertThat(retry.getStatus()).isEqualTo(200);
    assertThat(retry.getLocation()).isEqualTo(first.getLocation());
    assertThat(Http.json(retry).path("id")).isEqualTo(Http.json(first).path("id"));
  }

  @Test
  void member_order_does_not_make_another_request() {
    Response first = start("operations/answer", "{\"a\": 1, \"b\": [2, 3]}", "k-1");
    Response retry = start("operations/answer", "{\"b\": [2, 3], \"a\": 1}", "\"k-1\"");

    assertThat(retry.getStatus()).isEqualTo(200);
    assertThat(Http.json(retry).path("id")).isEqualTo(Http.json(first).path("id"));
  }

  @Test
  void a_key_reused_with_other_parameters_answers_422() {
    start("operations/keyed?key=a", "{}", "k-1");

    Http.problem(
        start("operations/keyed?key=b", "{}", "k-1"),
        422,
        "idempotency-key-reused",
        "Idempotency key reused",
        "already used for a start with other parameters");
    Http.problem(
        start("operations/keyed?key=a", "{\"x\": 1}", "k-1"),
        422,
        "idempotency-key-reused",
        "Idempotency key reused",
        "other parameters");
  }

  @Test
  void keys_are_per_owner_and_type() {
    Response ann = startAs("ann", "operations/csv-export", "{\"rows\": 1}", "k-1");
    Response bob = startAs("bob", "operations/csv-export", "{\"rows\": 1}", "k-1");
    Response otherType = startAs("ann", "operations/keyed?key=a", "{}", "k-1");

    assertThat(ann.getStatus()).isEqualTo(202);
    assertThat(bob.getStatus()).isEqualTo(202);
    assertThat(Http.json(bob).path("id")).isNotEqualTo(Http.json(ann).path("id"));
    assertThat(otherType.getStatus()).isEqualTo(202);
  }

  @Test
  void a_key_is_free_again_once_its_operation_is_forgotten() {
    String first = Http.json(start("operations/answer", "{}", "k-1")).path("id").asText();
    harness.fixture.awaitState(OperationId.of(first), OperationState.SUCCEEDED);
    call("operations/answer/" + first).delete();

    Response again = start("operations/answer", "{}", "k-1");

    assertThat(again.getStatus()).isEqualTo(202);
    assertThat(Http.json(again).path("id").asText()).isNotEqualTo(first);
  }

  @Test
  void a_forgotten_operations_key_takes_other_parameters_too() {
    String first = Http.json(start("operations/answer", "{}", "k-2")).path("id").asText();
    harness.fixture.awaitState(OperationId.of(first), OperationState.SUCCEEDED);
    call("operations/answer/" + first).delete();

    Response other = start("operations/answer", "{\"different\": true}", "k-2");

    assertThat(other.getStatus()).isEqualTo(202);
    assertThat(Http.json(other).path("id").asText()).isNotEqualTo(first);
  }

  @Test
  void concurrent_starts_with_one_key_start_one_operation() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Response>> starts = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        starts.add(
            pool.submit(
                () -> {
                  go.await();
                  return start("operations/answer", "{\"n\": 1}", "k-race");
                }));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (Future<Response> start : starts) {
        Response response = start.get(30, TimeUnit.SECONDS);
        statuses.add(response.getStatus());
        ids.add(Http.json(response).path("id").asText());
      }

      assertThat(statuses).containsOnly(200, 202).containsOnlyOnce(202);
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_retried_restart_does_not_restart() {
    Response first = start("operations/restart", "{}", "k-1");
    Response retry = start("operations/restart", "{}", "k-1");

    assertThat(retry.getStatus()).isEqualTo(200);
    JsonNode status = Http.json(retry);
    assertThat(status.path("id")).isEqualTo(Http.json(first).path("id"));
    assertThat(status.path("stopRequested").asBoolean()).isFalse();
  }

  @Test
  void a_malformed_key_answers_400() {
    for (String key : new String[] {"\"\"", "x".repeat(256), "naïve"}) {
      Http.problem(
          start("operations/answer", "{}", key),
          400,
          "invalid-request",
          "Invalid request",
          "Idempotency-Key header must be 1 to 255 visible ASCII characters");
    }
  }
}
