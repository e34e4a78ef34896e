package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC store adds to the core contract, on in-memory H2: how results and parameters are
 * kept, what it learns from the types an engine registers (parameter classes, restartable types),
 * tombstone bounds and the progress throttle. Outages are in {@link OutageTest}, set-up in {@link
 * SetupTest}, the contract in {@link JdbcOperationStoreH2Test}.
 */
final class JdbcOperationStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration RETENTION = Duration.ofMinutes(5);

  /** A parameter class, as a worker provider declares one. */
  record Pages(int pages) {}

  /** The type most tests use, with {@code String} parameters, as an engine registers it. */
  private static final OperationType T = OperationType.declare("t", String.class).build();

  /** A type with {@link Pages} parameters. */
  private static final OperationType REPORT = OperationType.declare("report", Pages.class).build();

  private final H2Memory database = new H2Memory();
  private JdbcOperationStore store;

  /** Builds the store and registers {@link #T} with it, as an engine does when it starts. */
  private JdbcOperationStore store(JdbcOperationStore.Builder builder) {
    return store(builder, T);
  }

  /** Builds the store and registers these types with it, as an engine does when it starts. */
  private JdbcOperationStore store(JdbcOperationStore.Builder builder, OperationType... types) {
    store = builder.build();
    store.register(List.of(types));
    return store;
  }

  /** Builds another node's store on the same database, registering these types. */
  private JdbcOperationStore otherNode(OperationType... types) {
    JdbcOperationStore other = database.store().build();
    other.register(List.of(types));
    return other;
  }

  @AfterEach
  void close() throws Exception {
    if (store != null) {
      store.close();
    }
    database.close();
  }

  private static OperationRecord queued(String type, Object parameters) {
    return OperationRecord.queued(
        OperationId.random(), type, "alice", null, null, parameters, RETENTION, T0);
  }

  private static OperationRecord running(JdbcOperationStore s, String type, Object parameters) {
    OperationRecord record = queued(type, parameters);
    assertThat(s.insert(record, false, 100)).isInstanceOf(InsertResult.Inserted.class);
    return s.claim(new ClaimRequest(type, 1, "node-a"), T0).get(0);
  }

  private static OperationResult download(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) ('a' + i % 26);
    }
    return OperationResult.download("text/csv", "export.csv", bytes);
  }

  private static String content(OperationResult result) throws Exception {
    try (InputStream in = ((OperationResult.Download) result).content().open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void value_results_read_back_as_plain_json_values() {
    JdbcOperationStore s = store(database.store());
    OperationRecord r = running(s, "t", null);

    s.finish(
        r.id(),
        r.lease().epoch(),
        Ending.succeeded(new Progress(1, null), OperationResult.of(new Pages(3))),
        T0);

    assertThat(s.find(r.id()).orElseThrow().outcome().result())
        .isEqualTo(OperationResult.of(Map.of("pages", 3)));
  }

  @Test
  void a_download_within_the_limit_is_kept_in_the_database_and_read_when_served() throws Exception {
    JdbcOperationStore s = store(database.store().maxResultBytes(5));
    OperationRecord r = running(s, "t", null);

    OperationRecord done =
        s.finish(
                r.id(), r.lease().epoch(), Ending.succeeded(new Progress(1, null), download(5)), T0)
            .orElseThrow();

    assertThat(content(done.outcome().result())).isEqualTo("abcde");
    OperationResult.Download read =
        (OperationResult.Download) s.find(r.id()).orElseThrow().outcome().result();
    assertThat(read.mediaType()).isEqualTo("text/csv");
    assertThat(read.fileName()).isEqualTo("export.csv");
    assertThat(read.length()).isEqualTo(5);
    assertThat(content(read)).isEqualTo("abcde");
  }

  @Test
  void a_download_over_the_limit_fails_the_operation_without_a_blob_store() {
    JdbcOperationStore s = store(database.store().maxResultBytes(4));
    OperationRecord r = running(s, "t", null);

    OperationRecord done =
        s.finish(
                r.id(), r.lease().epoch(), Ending.succeeded(new Progress(1, null), download(5)), T0)
            .orElseThrow();

    assertThat(done.state()).isEqualTo(OperationState.FAILED);
    assertThat(done.outcome().error())
        .isEqualTo("the result is larger than the store's limit of 4 bytes");
    assertThat(s.find(r.id()).orElseThrow().outcome().result()).isEqualTo(OperationResult.none());
  }

  @Test
  void a_download_over_the_limit_goes_to_the_blob_store_until_it_is_forgotten() throws Exception {
    MemoryBlobStore blobs = new MemoryBlobStore();
    JdbcOperationStore s = store(database.store().maxResultBytes(4).blobStore(blobs));
    OperationRecord r = running(s, "t", null);

    s.finish(r.id(), r.lease().epoch(), Ending.succeeded(new Progress(1, null), download(30)), T0);

    OperationResult read = s.find(r.id()).orElseThrow().outcome().result();
    assertThat(((OperationResult.Download) read).length()).isEqualTo(30);
    assertThat(content(read)).isEqualTo("abcdefghijklmnopqrstuvwxyzabcd");
    assertThat(s.delete(r.id())).isTrue();
    assertThat(blobs.blobs).isEmpty();
  }

  @Test
  void parameters_are_decoded_into_the_class_registered_for_their_type() {
    JdbcOperationStore s = store(database.store(), REPORT);

    OperationRecord claimed = running(s, "report", new Pages(7));

    assertThat(claimed.parameters()).isEqualTo(new Pages(7));
    assertThat(s.find(claimed.id()).orElseThrow().parameters()).isEqualTo(new Pages(7));
  }

  @Test
  void a_start_with_parameters_the_store_cannot_keep_is_refused() {
    JdbcOperationStore s = store(database.store(), REPORT);

    assertThatThrownBy(() -> s.insert(queued("other", new Pages(1)), false, 100))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("'other'")
        .hasMessageContaining("not registered");
    assertThatThrownBy(() -> s.insert(queued("report", "not pages"), false, 100))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining(Pages.class.getName());
  }

  @Test
  void a_store_nothing_was_registered_with_refuses_parameters_and_does_not_restart() {
    JdbcOperationStore s = database.store().build();
    store = s;

    assertThatThrownBy(() -> s.insert(queued("t", "p"), false, 100))
        .isInstanceOf(JdbcStoreException.class)
        .hasMessageContaining("not registered");
    OperationRecord r = running(s, "t", null);
    Instant later = T0.plusSeconds(60);

    assertThat(s.expire(later, "node lost", later))
        .extracting(OperationRecord::id, OperationRecord::state)
        .containsExactly(tuple(r.id(), OperationState.FAILED));
  }

  @Test
  void a_node_that_does_not_run_the_type_leaves_its_operation_queued_for_one_that_does() {
    OperationRecord record = queued("report", new Pages(2));
    store(database.store(), REPORT).insert(record, false, 100);
    try (JdbcOperationStore unaware = otherNode(T)) {
      assertThat(unaware.claim(new ClaimRequest("report", 1, "node-b"), T0)).isEmpty();
      assertThat(unaware.find(record.id()).orElseThrow().state()).isEqualTo(OperationState.QUEUED);
    }

    assertThat(store.claim(new ClaimRequest("report", 1, "node-a"), T0))
        .extracting(OperationRecord::parameters)
        .containsExactly(new Pages(2));
  }

  @Test
  void an_operation_whose_parameters_no_longer_decode_fails_when_claimed() {
    OperationRecord record = queued("report", "a string, not pages");
    store(database.store(), OperationType.declare("report", String.class).build())
        .insert(record, false, 100);
    try (JdbcOperationStore changed = otherNode(REPORT)) {
      assertThat(changed.claim(new ClaimRequest("report", 1, "node-a"), T0)).isEmpty();

      OperationRecord failed = changed.find(record.id()).orElseThrow();
      assertThat(failed.state()).isEqualTo(OperationState.FAILED);
      assertThat(failed.outcome().error()).isEqualTo(Writes.UNREADABLE_PARAMETERS);
    }
  }

  @Test
  void register_adds_types_but_refuses_to_change_a_registered_one() {
    JdbcOperationStore s = store(database.store(), REPORT);
    s.register(List.of(REPORT, T));

    assertThatThrownBy(
            () ->
                s.register(
                    List.of(
                        OperationType.declare("x", String.class).build(),
                        OperationType.declare("report", Object.class).build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'report'")
        .hasMessageContaining(Pages.class.getName())
        .hasMessageContaining(Object.class.getName());
    assertThatThrownBy(
            () ->
                s.register(
                    List.of(OperationType.declare("t", String.class).restartable(true).build())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'t' is already registered with this store as not restartable");
    assertThatThrownBy(() -> s.insert(queued("x", "p"), false, 100))
        .as("a refused registration adds none of its types")
        .isInstanceOf(JdbcStoreException.class);
    assertThat(running(s, "report", new Pages(1)).parameters()).isEqualTo(new Pages(1));
    assertThat(running(s, "t", "p").parameters()).isEqualTo("p");
  }

  @Test
  void expire_queues_a_restartable_operation_again_up_to_three_times_then_fails_it() {
    JdbcOperationStore s =
        store(database.store(), OperationType.declare("t", String.class).restartable(true).build());
    OperationRecord r = running(s, "t", "p");
    Instant now = T0;
    for (int restart = 1; restart <= OperationRecord.MAX_RESTARTS; restart++) {
      now = now.plusSeconds(60);
      List<OperationRecord> expired = s.expire(now, "node lost", now);

      assertThat(expired)
          .singleElement()
          .satisfies(
              q -> {
                assertThat(q.state()).isEqualTo(OperationState.QUEUED);
                assertThat(q.lease().node()).isNull();
              });
      assertThat(s.claim(new ClaimRequest("t", 1, "node-b"), now))
          .extracting(OperationRecord::parameters)
          .containsExactly("p");
    }
    now = now.plusSeconds(60);

    assertThat(s.expire(now, "node lost", now))
        .extracting(OperationRecord::state)
        .containsExactly(OperationState.FAILED);
    assertThat(s.find(r.id()).orElseThrow().outcome().error()).isEqualTo("node lost");
  }

  @Test
  void tombstones_are_capped_and_expire() {
    JdbcOperationStore s = store(database.store().tombstones(2, Duration.ofMinutes(10)));
    OperationId[] ids = new OperationId[3];
    for (int i = 0; i < 3; i++) {
      OperationRecord r = running(s, "t", null);
      s.finish(
          r.id(),
          r.lease().epoch(),
          Ending.succeeded(new Progress(1, null), OperationResult.none()),
          T0.plusSeconds(i));
      ids[i] = r.id();
    }

    assertThat(s.evict(T0.plus(Duration.ofMinutes(6)))).isEqualTo(3);
    assertThat(s.forgotten(ids[0])).isFalse();
    assertThat(s.forgotten(ids[2])).isTrue();

    s.evict(T0.plus(Duration.ofMinutes(17)));
    assertThat(s.forgotten(ids[2])).isFalse();
  }

  @Test
  void progress_answers_the_record_as_stored_and_the_engine_throttles_to_the_interval() {
    JdbcOperationStore s = store(database.store().progressInterval(Duration.ofMillis(250)));
    OperationRecord r = running(s, "t", null);

    OperationRecord stored =
        s.progress(r.id(), r.lease().epoch(), new Progress(0.2, "second"), T0.plusMillis(1100))
            .orElseThrow();

    assertThat(s.progressInterval()).isEqualTo(Duration.ofMillis(250));
    assertThat(stored.progress().text()).isEqualTo("second");
    assertThat(stored.progress().value()).isEqualTo(0.2);
    assertThat(s.find(r.id()).orElseThrow()).isEqualTo(stored.withParameters(r.parameters()));
  }
}
