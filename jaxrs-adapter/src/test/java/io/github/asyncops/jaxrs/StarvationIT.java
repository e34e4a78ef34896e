package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Waiting starts hold no request thread (issue 11): on a Grizzly with {@value #THREADS} worker
 * threads, {@code 10 *} {@value #THREADS} starts wait suspended with {@code Prefer: wait}, and a
 * plain status request is still answered, before any of the waits ends. Ordering, not time, is
 * asserted: the waits can only end once the test opens the gate, after the status has come back.
 */
final class StarvationIT {
  private static final int THREADS = 4;
  private static final int WAITS = 10 * THREADS;

  private final Harness harness = new Harness();
  private final Server server = new Server(harness.application(), harness::close, THREADS);
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger sequence = new AtomicInteger();

  @AfterEach
  void stop() {
    server.close();
  }

  /** Sends a request and numbers its answer in the order the answers arrive. */
  private CompletableFuture<Numbered> send(HttpRequest request) {
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> new Numbered(sequence.incrementAndGet(), response));
  }

  private record Numbered(int order, HttpResponse<String> response) {}

  private HttpRequest waitingStart(int n) {
    return HttpRequest.newBuilder(server.uri("operations/keyed?key=k" + n))
        .header("Content-Type", "application/json")
        .header("Prefer", "wait=30")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();
  }

  @Test
  void a_status_request_is_answered_while_ten_times_the_worker_threads_wait() {
    List<CompletableFuture<Numbered>> waits =
        IntStream.range(0, WAITS).mapToObj(n -> send(waitingStart(n))).toList();
    await().atMost(Duration.ofSeconds(30)).until(() -> harness.waitingStarts() == WAITS);
    OperationSnapshot waiting = harness.engine.list(OperationQuery.of("keyed")).get(0);
    URI status = server.uri("operations/keyed/" + waiting.id());

    Numbered answered = send(HttpRequest.newBuilder(status).GET().build()).join();

    assertThat(answered.response().statusCode()).isEqualTo(200);
    assertThat(Http.json(answered.response().body()).path("active").asBoolean()).isTrue();
    assertThat(waits).noneMatch(CompletableFuture::isDone);
    harness.gate.open(WAITS);
    for (CompletableFuture<Numbered> wait : waits) {
      Numbered ended = wait.join();
      assertThat(ended.order()).isGreaterThan(answered.order());
      assertThat(ended.response().statusCode()).isEqualTo(200);
      assertThat(ended.response().headers().firstValue("Preference-Applied")).hasValue("wait=30");
      assertThat(Http.json(ended.response().body()).path("state").asText()).isEqualTo("SUCCEEDED");
    }
    assertThat(harness.waitingStarts()).isZero();
  }
}
