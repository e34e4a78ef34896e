package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** A full queue: one running, one queued, and the next start answers 429 with Retry-After. */
final class CapacityTest extends GrizzlyTest {

  CapacityTest() {
    super(new Harness(adapter -> {}, engine -> engine.maxRunning(1).queueCapacity(1)));
  }

  @Test
  void start_beyond_capacity_answers_429_with_retry_after() throws Exception {
    assertThat(post("operations/keyed?key=a", "{}").getStatus()).isEqualTo(202);
    harness.gate.awaitArrivals(1);
    Response queued = post("operations/keyed?key=b", "{}");

    Response refused = post("operations/keyed?key=c", "{}");
    Response russian =
        call("operations/keyed?key=d")
            .header("Accept-Language", "ru")
            .post(jakarta.ws.rs.client.Entity.entity("{}", JSON));

    assertThat(queued.getStatus()).isEqualTo(202);
    assertThat(Http.json(queued).path("state").asText()).isEqualTo("QUEUED");
    Http.problem(
        refused,
        429,
        "capacity-exceeded",
        "Too many operations",
        "the queue of operations is full");
    assertThat(refused.getHeaderString("Retry-After")).isEqualTo("3");
    Http.problem(
        russian, 429, "capacity-exceeded", "Слишком много операций", "очередь операций заполнена");
    assertThat(russian.getHeaderString("Content-Language")).isEqualTo("ru");
    assertThat(russian.getHeaderString("Retry-After")).isEqualTo("3");
  }
}
