package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code Prefer: wait=N}: a start that ends in time answers 200 with the final status; one that
 * does not answers as without the preference once the (capped) wait is over. Beyond the cap on
 * waiting starts (1 here) a start answers at once. The wait cap here is 5 seconds, so the time-out
 * test takes that long. That waits hold no request thread is {@code StarvationIT}'s subject.
 */
final class PreferWaitTest extends GrizzlyTest {

  PreferWaitTest() {
    super(new Harness(adapter -> adapter.maxWait(Duration.ofSeconds(5)).maxWaitingStarts(1)));
  }

  private Response startWaiting(String type, String prefer) {
    return call("operations/" + type).header("Prefer", prefer).post(Entity.json("{}"));
  }

  @Test
  void a_start_that_ends_in_time_answers_200_with_the_final_status() {
    Response response = startWaiting("answer", "wait=5");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeaderString("Preference-Applied")).isEqualTo("wait=5");
    assertThat(response.getHeaderString("Retry-After")).isNull();
    JsonNode status = Http.json(response);
    assertThat(response.getLocation().getPath())
        .isEqualTo(status.path("links").path("self").asText());
    assertThat(status.path("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(status.path("resultAvailable").asBoolean()).isTrue();
  }

  @Test
  void the_response_is_held_until_the_operation_ends() {
    CompletableFuture<Void> flight =
        CompletableFuture.runAsync(
            () -> {
              try {
                harness.gate.awaitArrivals(1);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              harness.gate.open(4);
            });

    Response response = startWaiting("missile-launch", "respond-async, wait=5");

    flight.join();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(Http.json(response).path("text").asText()).isEqualTo("Кабуууум!");
  }

  @Test
  void a_start_that_does_not_end_in_time_answers_202_after_the_capped_wait() {
    Response response = startWaiting("missile-launch", "wait=600");

    assertThat(response.getStatus()).isEqualTo(202);
    assertThat(response.getHeaderString("Preference-Applied")).isEqualTo("wait=5");
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("3");
    assertThat(Http.json(response).path("state").asText()).isEqualTo("RUNNING");
  }

  @Test
  void a_start_beyond_the_cap_on_waiting_starts_answers_at_once() {
    CompletableFuture<Response> first =
        CompletableFuture.supplyAsync(() -> startWaiting("missile-launch", "wait=5"));
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.waitingStarts() == 1);

    Response second = startWaiting("missile-launch", "wait=5");

    assertThat(second.getStatus()).isEqualTo(200);
    assertThat(second.getHeaderString("Preference-Applied")).isNull();
    assertThat(Http.json(second).path("state").asText()).isEqualTo("RUNNING");
    harness.gate.open(4);
    assertThat(first.join().getHeaderString("Preference-Applied")).isEqualTo("wait=5");
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.waitingStarts() == 0);
  }

  @Test
  void a_malformed_preference_is_ignored() {
    Response response = startWaiting("missile-launch", "wait=soon");

    assertThat(response.getStatus()).isEqualTo(202);
    assertThat(response.getHeaderString("Preference-Applied")).isNull();
  }
}
