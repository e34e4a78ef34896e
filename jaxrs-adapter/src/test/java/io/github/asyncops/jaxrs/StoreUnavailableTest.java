package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.StoreUnavailableException;
import io.github.asyncops.core.spi.ForwardingOperationStore;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.store.InMemoryOperationStore;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A store that cannot be reached answers 503 {@code store-unavailable} with {@code Retry-After},
 * except for the status of an operation that runs on this node, which comes from the engine's
 * memory. How the engine answers from memory is in core's {@code StoreOutageTest}.
 */
final class StoreUnavailableTest extends GrizzlyTest {
  /** Whether the store is down; one flag for the class, whose tests run one at a time. */
  private static volatile boolean down;

  StoreUnavailableTest() {
    super(new Harness(adapter -> {}, engine -> engine.store(new Down())));
    down = false;
  }

  /** Fails the reads and the insert, as a store whose database is down. */
  private static final class Down extends ForwardingOperationStore {
    Down() {
      super(new InMemoryOperationStore());
    }

    private void check() {
      if (down) {
        throw new StoreUnavailableException(
            "could not read: the database does not answer (SQLState 08001); try again later",
            null,
            Duration.ofSeconds(3));
      }
    }

    @Override
    public InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit) {
      check();
      return super.insert(record, replaceActive, queueLimit);
    }

    @Override
    public Optional<OperationRecord> find(OperationId id) {
      check();
      return super.find(id);
    }

    @Override
    public List<OperationRecord> list(OperationQuery query) {
      check();
      return super.list(query);
    }
  }

  @Test
  void reads_and_starts_answer_503_with_retry_after_while_the_store_is_down() {
    down = true;

    for (Response response :
        List.of(
            post("operations/missile-launch", "{}"),
            call("operations/missile-launch").get(),
            call("operations/missile-launch/" + OperationId.random()).get())) {
      Http.problem(response, 503, "store-unavailable", "Store unavailable", "cannot be reached");
      assertThat(response.getHeaderString("Retry-After")).isEqualTo("3");
    }
    Response russian = call("operations/missile-launch?lang=ru").get();
    Http.problem(
        russian, 503, "store-unavailable", "Хранилище недоступно", "хранилище операций недоступно");
    assertThat(russian.getHeaderString("Content-Language")).isEqualTo("ru");
  }

  @Test
  void the_status_of_an_operation_running_here_comes_from_memory() throws Exception {
    String id = start("missile-launch").path("id").asText();
    harness.gate.awaitArrivals(1);
    down = true;

    Response response = call("operations/missile-launch/" + id).get();

    assertThat(response.getStatus()).isEqualTo(200);
    JsonNode status = Http.json(response);
    assertThat(status.path("id").asText()).isEqualTo(id);
    assertThat(status.path("state").asText()).isEqualTo("RUNNING");
  }
}
