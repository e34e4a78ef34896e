package io.github.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an {@link OperationStore} keeps {@link Message messages}: a progress, a stop text, a final
 * state and a failure's error keep their message beside the default-language text, so that a node
 * that did not run the operation renders it in each viewer's language. A store that persists
 * records keeps {@link Message#encode()} in a text column of at least {@value
 * Message#MAX_ENCODED_BYTES} bytes. Run it beside {@link OperationStoreContract}, whose {@code
 * store()} this uses.
 */
public interface MessageStoreContract {

  /**
   * The store under test, fresh and empty for each test, with type "t" registered.
   *
   * @return the store
   */
  OperationStore store();

  /** A message with an argument of every type. */
  private static Message flight() {
    return Message.of("flight.progress")
        .with("percent", 40)
        .with("ratio", 0.4)
        .with("pilot", "Гагарин; \\ \"x\"")
        .with("late", false)
        .with("at", Instant.parse("1961-04-12T06:07:00.123Z"))
        .with("left", Duration.ofSeconds(72));
  }

  private OperationRecord running() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    OperationRecord record =
        OperationRecord.queued(
            OperationId.random(), "t", "alice", null, null, "p", Duration.ofMinutes(5), t0);
    store().insert(record, false, Integer.MAX_VALUE);
    List<OperationRecord> claimed =
        store().claim(new ClaimRequest("t", 1, "node-a"), t0.plusSeconds(1));
    assertThat(claimed).extracting(OperationRecord::id).containsExactly(record.id());
    return claimed.get(0);
  }

  /** A progress with a message reads back with the same message and text. */
  @Test
  default void a_progress_keeps_its_message_and_text() {
    OperationRecord r = running();
    Progress progress = new Progress(0.4, "Полет завершен на 40%", flight());

    store().progress(r.id(), r.lease().epoch(), progress, Instant.parse("2026-01-01T00:00:02Z"));

    OperationRecord found = store().find(r.id()).orElseThrow();
    assertThat(found.progress().message()).isEqualTo(flight());
    assertThat(found.progress().text()).isEqualTo("Полет завершен на 40%");
    assertThat(store().list(OperationQuery.of("t")))
        .filteredOn(x -> x.id().equals(r.id()))
        .singleElement()
        .satisfies(x -> assertThat(x.progress().message()).isEqualTo(flight()));
  }

  /** A plain text after a message leaves no message behind. */
  @Test
  default void a_plain_text_replaces_a_message() {
    OperationRecord r = running();
    Instant t = Instant.parse("2026-01-01T00:00:02Z");
    store().progress(r.id(), r.lease().epoch(), new Progress(0.4, "a", flight()), t);

    store().progress(r.id(), r.lease().epoch(), new Progress(0.5, "plain"), t.plusSeconds(1));

    OperationRecord found = store().find(r.id()).orElseThrow();
    assertThat(found.progress().message()).isNull();
    assertThat(found.progress().text()).isEqualTo("plain");
  }

  /** The final state keeps the message of its last progress. */
  @Test
  default void a_finished_record_keeps_its_last_message() {
    OperationRecord r = running();
    Message boom = Message.of("flight.boom");

    store()
        .finish(
            r.id(),
            r.lease().epoch(),
            Ending.succeeded(new Progress(1, "Кабуууум!", boom), OperationResult.none()),
            Instant.parse("2026-01-01T00:00:03Z"));

    OperationRecord found = store().find(r.id()).orElseThrow();
    assertThat(found.progress().message()).isEqualTo(boom);
    assertThat(found.progress().text()).isEqualTo("Кабуууум!");
  }

  /** A failure keeps its error message beside the error text and the cause, found or listed. */
  @Test
  default void a_failure_keeps_its_error_message() {
    OperationRecord r = running();
    Message lost = Message.of("flight.lost").with("percent", 40);

    store()
        .finish(
            r.id(),
            r.lease().epoch(),
            Ending.failed(Progress.NONE, "Связь потеряна на 40%", lost, "trace"),
            Instant.parse("2026-01-01T00:00:03Z"));

    OperationRecord found = store().find(r.id()).orElseThrow();
    assertThat(found.outcome().errorMessage()).isEqualTo(lost);
    assertThat(found.outcome().error()).isEqualTo("Связь потеряна на 40%");
    assertThat(found.outcome().cause()).isEqualTo("trace");
    assertThat(store().list(OperationQuery.of("t")))
        .filteredOn(x -> x.id().equals(r.id()))
        .singleElement()
        .satisfies(x -> assertThat(x.outcome().errorMessage()).isEqualTo(lost));
  }

  /** A failure handed over to the next queued operation keeps its error message too. */
  @Test
  default void a_failure_handed_over_keeps_its_error_message() {
    OperationRecord r = running();
    Message lost = Message.of("flight.lost").with("percent", 40);

    store()
        .finishAndClaim(
            r.id(),
            r.lease().epoch(),
            Ending.failed(Progress.NONE, "Связь потеряна на 40%", lost, null),
            new ClaimRequest("t", 1, "node-a"),
            Instant.parse("2026-01-01T00:00:03Z"));

    OperationRecord found = store().find(r.id()).orElseThrow();
    assertThat(found.outcome().errorMessage()).isEqualTo(lost);
    assertThat(found.outcome().error()).isEqualTo("Связь потеряна на 40%");
  }

  /** A plain failure has no error message. */
  @Test
  default void a_plain_failure_has_no_error_message() {
    OperationRecord r = running();

    store()
        .finish(
            r.id(),
            r.lease().epoch(),
            Ending.failed(Progress.NONE, "disk full", "trace"),
            Instant.parse("2026-01-01T00:00:03Z"));

    OperationRecord found = store().find(r.id()).orElseThrow();
    assertThat(found.outcome().errorMessage()).isNull();
    assertThat(found.outcome().error()).isEqualTo("disk full");
  }

  /** A message at the size bound, in two-byte characters, reads back whole. */
  @Test
  default void a_message_at_the_size_bound_reads_back_whole() {
    OperationRecord r = running();
    String prefix = "k;v=s";
    Message largest =
        Message.of("k").with("v", "ж".repeat((Message.MAX_ENCODED_BYTES - prefix.length()) / 2));

    store()
        .progress(
            r.id(),
            r.lease().epoch(),
            new Progress(0.1, "big", largest),
            Instant.parse("2026-01-01T00:00:02Z"));

    assertThat(store().find(r.id()).orElseThrow().progress().message()).isEqualTo(largest);
  }
}
