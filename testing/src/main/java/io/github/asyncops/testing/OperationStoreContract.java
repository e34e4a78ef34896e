package io.github.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.Subscription;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.Heartbeat;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OperationStore} must have. A store's test extends this class and
 * supplies a fresh, empty store; the engine's own tests cover how it uses these calls. The cases of
 * {@link IdempotencyKeyContract}, {@link HandoverContract} and {@link NodeLossContract} come with
 * it; a store that several nodes share also implements {@link SharedStoreContract}.
 */
public abstract class OperationStoreContract
    implements IdempotencyKeyContract, HandoverContract, NodeLossContract {
  /** A point in time the tests count from. */
  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static final Duration RETENTION = Duration.ofMinutes(5);
  private static final int NO_LIMIT = Integer.MAX_VALUE;

  /** The store under test. */
  protected OperationStore store;

  /** For subclasses. */
  protected OperationStoreContract() {}

  /**
   * Creates a fresh, empty store.
   *
   * @return the store
   */
  protected abstract OperationStore newStore();

  /**
   * The types the tests use, registered with every new store as an engine does when it starts: "t"
   * with {@code String} parameters, "other" with none, and {@link NodeLossContract#RESTARTABLE}
   * with {@code String} parameters, restartable.
   */
  protected static final List<OperationType> TYPES =
      List.of(
          OperationType.declare("other", Void.class).build(),
          OperationType.declare(RESTARTABLE, String.class).restartable(true).build(),
          OperationType.declare("t", String.class).build());

  @Override
  public OperationStore store() {
    return store;
  }

  @BeforeEach
  void createStore() {
    store = newStore();
    store.register(TYPES);
  }

  /**
   * A queued record of type "t" with the given slot, created at {@code at}.
   *
   * @param slot the slot, or null
   * @param at the creation instant
   * @return the record
   */
  protected static OperationRecord queued(String slot, Instant at) {
    return OperationRecord.queued(
        OperationId.random(), "t", "alice", "k", slot, "p", RETENTION, at);
  }

  private OperationRecord inserted(String slot) {
    OperationRecord record = queued(slot, T0);
    assertThat(store.insert(record, false, NO_LIMIT)).isInstanceOf(InsertResult.Inserted.class);
    return record;
  }

  private OperationRecord running(String slot) {
    OperationRecord record = inserted(slot);
    assertThat(store.claim(new ClaimRequest("t", 1, "node-a"), T0))
        .extracting(OperationRecord::id)
        .containsExactly(record.id());
    return store.find(record.id()).orElseThrow();
  }

  @Test
  void insert_then_find_returns_the_record() {
    OperationRecord record = inserted("s");

    assertThat(store.find(record.id())).contains(record);
  }

  @Test
  void find_of_an_unknown_id_is_empty_and_not_forgotten() {
    OperationId id = OperationId.random();

    assertThat(store.find(id)).isEmpty();
    assertThat(store.forgotten(id)).isFalse();
  }

  @Test
  void insert_conflicts_with_the_active_holder_of_the_same_slot() {
    OperationRecord holder = inserted("s");

    InsertResult result = store.insert(queued("s", T0), false, NO_LIMIT);

    assertThat(result).isEqualTo(new InsertResult.Conflict(holder));
  }

  @Test
  void insert_in_another_slot_or_without_a_slot_does_not_conflict() {
    inserted("s");

    assertThat(store.insert(queued("other", T0), false, NO_LIMIT))
        .isInstanceOf(InsertResult.Inserted.class);
    assertThat(store.insert(queued(null, T0), false, NO_LIMIT))
        .isInstanceOf(InsertResult.Inserted.class);
    assertThat(store.insert(queued(null, T0), false, NO_LIMIT))
        .isInstanceOf(InsertResult.Inserted.class);
  }

  @Test
  void insert_with_replace_takes_the_slot_and_stops_a_running_holder() {
    OperationRecord holder = running("s");
    OperationRecord next = queued("s", T0.plusSeconds(1));

    InsertResult result = store.insert(next, true, NO_LIMIT);

    assertThat(result).isInstanceOf(InsertResult.Inserted.class);
    OperationRecord replaced = ((InsertResult.Inserted) result).replaced();
    assertThat(replaced.id()).isEqualTo(holder.id());
    assertThat(replaced.state()).isEqualTo(OperationState.STOPPING);
    assertThat(replaced.stopRequested()).isTrue();
    assertThat(store.insert(queued("s", T0), false, NO_LIMIT))
        .isEqualTo(new InsertResult.Conflict(next));
  }

  @Test
  void insert_with_replace_stops_a_queued_holder_at_once() {
    OperationRecord holder = inserted("s");

    InsertResult result = store.insert(queued("s", T0.plusSeconds(1)), true, NO_LIMIT);

    OperationRecord replaced = ((InsertResult.Inserted) result).replaced();
    assertThat(replaced.id()).isEqualTo(holder.id());
    assertThat(replaced.state()).isEqualTo(OperationState.STOPPED);
    assertThat(store.claim(new ClaimRequest("t", 10, "node-a"), T0)).hasSize(1);
  }

  @Test
  void insert_is_refused_when_the_queue_is_full_and_accepted_once_a_place_frees() {
    inserted(null);
    inserted(null);

    assertThat(store.insert(queued(null, T0), false, 2)).isEqualTo(new InsertResult.Full(2));

    store.claim(new ClaimRequest("t", 1, "node-a"), T0);
    assertThat(store.insert(queued(null, T0), false, 2)).isInstanceOf(InsertResult.Inserted.class);
  }

  @Test
  void claim_takes_the_oldest_queued_records_of_the_type_up_to_max() {
    OperationRecord first =
        store.insert(queued(null, T0), false, NO_LIMIT) instanceof InsertResult.Inserted i
            ? i.record()
            : null;
    OperationRecord second = queued(null, T0.plusSeconds(1));
    store.insert(second, false, NO_LIMIT);
    store.insert(queued(null, T0.plusSeconds(2)), false, NO_LIMIT);
    store.insert(
        OperationRecord.queued(
            OperationId.random(), "other", null, null, null, null, RETENTION, T0),
        false,
        NO_LIMIT);

    List<OperationRecord> claimed =
        store.claim(new ClaimRequest("t", 2, "node-a"), T0.plusSeconds(5));

    assertThat(claimed).extracting(OperationRecord::id).containsExactly(first.id(), second.id());
    assertThat(claimed)
        .allSatisfy(
            r -> {
              assertThat(r.state()).isEqualTo(OperationState.RUNNING);
              assertThat(r.lease().node()).isEqualTo("node-a");
              assertThat(r.times().startedAt()).isEqualTo(T0.plusSeconds(5));
              assertThat(r.lease().heartbeatAt()).isEqualTo(T0.plusSeconds(5));
            });
  }

  @Test
  void concurrent_claims_never_take_a_record_twice() throws Exception {
    Set<OperationId> all = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      all.add(inserted(null).id());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<List<OperationId>>> claimers = new ArrayList<>();
      for (int n = 0; n < 4; n++) {
        String node = "node-" + n;
        claimers.add(
            () -> {
              List<OperationId> mine = new ArrayList<>();
              List<OperationRecord> batch;
              while (!(batch = store.claim(new ClaimRequest("t", 3, node), T0)).isEmpty()) {
                batch.forEach(r -> mine.add(r.id()));
              }
              return mine;
            });
      }
      List<OperationId> claimed = Collections.synchronizedList(new ArrayList<>());
      for (Future<List<OperationId>> f : pool.invokeAll(claimers)) {
        claimed.addAll(f.get());
      }
      assertThat(claimed).hasSize(500).doesNotHaveDuplicates();
      assertThat(new HashSet<>(claimed)).isEqualTo(all);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void stop_request_stops_a_queued_record_at_once_and_frees_its_slot() {
    OperationRecord record = inserted("s");

    OperationRecord stopped =
        store.requestStop(record.id(), "stopped", T0.plusSeconds(1)).orElseThrow();

    assertThat(stopped.state()).isEqualTo(OperationState.STOPPED);
    assertThat(stopped.progress().text()).isEqualTo("stopped");
    assertThat(stopped.times().finishedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(store.claim(new ClaimRequest("t", 1, "node-a"), T0)).isEmpty();
    assertThat(store.insert(queued("s", T0), false, NO_LIMIT))
        .isInstanceOf(InsertResult.Inserted.class);
  }

  @Test
  void stop_request_marks_a_running_record_stopping_and_keeps_its_slot() {
    OperationRecord record = running("s");

    OperationRecord stopping = store.requestStop(record.id(), null, T0).orElseThrow();

    assertThat(stopping.state()).isEqualTo(OperationState.STOPPING);
    assertThat(stopping.stopRequested()).isTrue();
    assertThat(store.insert(queued("s", T0), false, NO_LIMIT))
        .isInstanceOf(InsertResult.Conflict.class);
  }

  @Test
  void stop_request_leaves_a_final_record_as_it_is() {
    OperationRecord record = running("s");
    OperationRecord done = finish(record, OperationState.SUCCEEDED);

    assertThat(store.requestStop(record.id(), "late", T0)).contains(done);
    assertThat(store.requestStop(OperationId.random(), "x", T0)).isEmpty();
  }

  @Test
  void progress_updates_active_records_only() {
    OperationRecord record = running(null);

    OperationRecord stored =
        store
            .progress(
                record.id(), record.lease().epoch(), new Progress(0.5, "half"), T0.plusSeconds(3))
            .orElseThrow();
    assertThat(stored)
        .usingRecursiveComparison()
        .ignoringFields("parameters")
        .isEqualTo(store.find(record.id()).orElseThrow());

    OperationRecord updated = store.find(record.id()).orElseThrow();
    assertThat(updated.progress().value()).isEqualTo(0.5);
    assertThat(updated.progress().text()).isEqualTo("half");
    assertThat(updated.times().updatedAt()).isEqualTo(T0.plusSeconds(3));

    OperationRecord done = finish(record, OperationState.FAILED);
    assertThat(
            store.progress(
                record.id(), record.lease().epoch(), new Progress(0.9, "late"), T0.plusSeconds(9)))
        .isEmpty();
    assertThat(store.find(record.id())).contains(done);
  }

  @Test
  void finish_makes_a_record_final_once_and_frees_its_slot() {
    OperationRecord record = running("s");

    OperationRecord done = finish(record, OperationState.SUCCEEDED);

    assertThat(done.state()).isEqualTo(OperationState.SUCCEEDED);
    assertThat(done.outcome().result()).isEqualTo(OperationResult.of("r"));
    assertThat(done.evictAt()).isEqualTo(done.times().finishedAt().plus(RETENTION));
    assertThat(
            store.finish(
                record.id(), record.lease().epoch(), Ending.failed(new Progress(0, null), "x"), T0))
        .isEmpty();
    assertThat(store.insert(queued("s", T0), false, NO_LIMIT))
        .isInstanceOf(InsertResult.Inserted.class);
  }

  @Test
  void heartbeat_refreshes_the_nodes_records_and_reports_stop_requests() {
    OperationRecord a = running(null);
    OperationRecord b = running(null);
    store.requestStop(b.id(), null, T0);

    Heartbeat beat = store.heartbeat("node-a", held(a, b), T0.plusSeconds(7));

    assertThat(beat.stopRequested()).containsExactly(b.id());
    assertThat(beat.lost()).isEmpty();
    assertThat(store.find(a.id()).orElseThrow().lease().heartbeatAt()).isEqualTo(T0.plusSeconds(7));
    assertThat(store.heartbeat("node-b", held(a), T0.plusSeconds(8)).lost())
        .containsExactly(a.id());
    assertThat(store.find(a.id()).orElseThrow().lease().heartbeatAt()).isEqualTo(T0.plusSeconds(7));
  }

  @Test
  void every_claim_takes_the_next_epoch() {
    OperationRecord record = running(null);

    assertThat(record.lease().epoch()).isEqualTo(1);
    assertThat(store.find(record.id()).orElseThrow().lease().epoch()).isEqualTo(1);
  }

  @Test
  void writes_with_another_epoch_are_refused_and_change_nothing() {
    OperationRecord record = running(null);
    long stale = record.lease().epoch() - 1;

    assertThat(store.progress(record.id(), stale, new Progress(0.9, "stale"), T0.plusSeconds(1)))
        .isEmpty();
    assertThat(
            store.finish(
                record.id(),
                stale,
                Ending.succeeded(new Progress(1, "stale"), OperationResult.none()),
                T0.plusSeconds(1)))
        .isEmpty();
    Map<OperationId, Long> staleHold = Map.of(record.id(), stale);
    assertThat(store.heartbeat("node-a", staleHold, T0.plusSeconds(1)).lost())
        .containsExactly(record.id());
    assertThat(store.find(record.id()).orElseThrow())
        .usingRecursiveComparison()
        .ignoringFields("lease.heartbeatAt")
        .isEqualTo(record);
    assertThat(
            store.progress(
                record.id(), record.lease().epoch(), new Progress(0.5, "b"), T0.plusSeconds(2)))
        .hasValueSatisfying(r -> assertThat(r.progress().text()).isEqualTo("b"));
  }

  @Test
  void a_node_whose_operation_was_failed_as_lost_cannot_finish_it() {
    OperationRecord record = running(null);
    store.expire(T0.plusSeconds(10), "node lost", T0.plusSeconds(40));

    assertThat(finishOrEmpty(record, OperationState.SUCCEEDED)).isEmpty();
    assertThat(store.heartbeat("node-a", held(record), T0.plusSeconds(41)).lost())
        .containsExactly(record.id());
    OperationRecord failed = store.find(record.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(OperationState.FAILED);
    assertThat(failed.outcome().error()).isEqualTo("node lost");
  }

  private static Map<OperationId, Long> held(OperationRecord... records) {
    Map<OperationId, Long> held = new HashMap<>();
    for (OperationRecord r : records) {
      held.put(r.id(), r.lease().epoch());
    }
    return held;
  }

  @Test
  void expire_fails_running_records_whose_heartbeat_is_stale() {
    OperationRecord stale = running("s");
    OperationRecord fresh = running(null);
    store.heartbeat("node-a", held(fresh), T0.plusSeconds(30));

    List<OperationRecord> expired =
        store.expire(T0.plusSeconds(10), "node lost", T0.plusSeconds(40));

    assertThat(expired).extracting(OperationRecord::id).containsExactly(stale.id());
    OperationRecord failed = store.find(stale.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(OperationState.FAILED);
    assertThat(failed.outcome().error()).isEqualTo("node lost");
    assertThat(store.find(fresh.id()).orElseThrow().state()).isEqualTo(OperationState.RUNNING);
    assertThat(store.insert(queued("s", T0), false, NO_LIMIT))
        .isInstanceOf(InsertResult.Inserted.class);
  }

  @Test
  void evict_forgets_final_records_after_their_retention_and_remembers_them_as_forgotten() {
    OperationRecord active = running(null);
    OperationRecord done = finish(running(null), OperationState.SUCCEEDED);

    assertThat(store.evict(done.evictAt().minusMillis(1))).isZero();
    assertThat(store.find(done.id())).isPresent();

    assertThat(store.evict(done.evictAt())).isEqualTo(1);
    assertThat(store.find(done.id())).isEmpty();
    assertThat(store.forgotten(done.id())).isTrue();
    assertThat(store.find(active.id())).isPresent();
  }

  @Test
  void ticks_forget_a_final_record_after_its_retention_on_the_stores_own_schedule() {
    OperationRecord done = finish(running(null), OperationState.SUCCEEDED);
    Instant due = done.evictAt();

    store.tick(due.minusMillis(1));
    assertThat(store.find(done.id())).isPresent();

    Instant giveUp = due.plus(Duration.ofMinutes(10));
    for (Instant t = due; t.isBefore(giveUp) && store.find(done.id()).isPresent(); ) {
      store.tick(t);
      t = t.plusSeconds(1);
    }
    assertThat(store.find(done.id())).isEmpty();
    assertThat(store.forgotten(done.id())).isTrue();
  }

  @Test
  void ticks_leave_active_records_alone() {
    OperationRecord active = running(null);

    for (int minute = 0; minute <= 60; minute++) {
      store.tick(T0.plus(Duration.ofMinutes(minute)));
    }

    assertThat(store.find(active.id())).isPresent();
  }

  @Test
  void a_listen_subscription_closes_twice_without_harm_and_the_store_keeps_working() {
    SharedStoreContract.HeardStops heard = new SharedStoreContract.HeardStops();
    Subscription subscription = store.listen(heard);
    assertThat(subscription).isNotNull();

    subscription.close();
    subscription.close();

    OperationRecord record = running(null);
    assertThat(store.requestStop(record.id(), null, T0)).isPresent();
    assertThat(heard.stops).isEmpty();
  }

  @Test
  void delete_forgets_only_final_records() {
    OperationRecord active = running(null);
    OperationRecord done = finish(running(null), OperationState.STOPPED);

    assertThat(store.delete(active.id())).isFalse();
    assertThat(store.delete(done.id())).isTrue();
    assertThat(store.find(done.id())).isEmpty();
    assertThat(store.forgotten(done.id())).isTrue();
    assertThat(store.delete(OperationId.random())).isFalse();
  }

  @Test
  void list_filters_by_type_owner_key_and_activity_newest_first() {
    OperationRecord old = queued(null, T0);
    OperationRecord mid = queued(null, T0.plusSeconds(1));
    OperationRecord recent = queued(null, T0.plusSeconds(2));
    OperationRecord bobs =
        OperationRecord.queued(OperationId.random(), "t", "bob", "k2", null, null, RETENTION, T0);
    for (OperationRecord r : List.of(old, mid, recent, bobs)) {
      store.insert(r, false, NO_LIMIT);
    }
    store.requestStop(mid.id(), null, T0);

    OperationQuery alice = OperationQuery.of("t").withOwner("alice");
    assertThat(store.list(alice))
        .extracting(OperationRecord::id)
        .containsExactly(recent.id(), mid.id(), old.id());
    assertThat(store.list(alice.withActiveOnly(true).withLimit(1)))
        .extracting(OperationRecord::id)
        .containsExactly(recent.id());
    assertThat(store.list(OperationQuery.of("t").withKey("k2")))
        .extracting(OperationRecord::id)
        .containsExactly(bobs.id());
    assertThat(store.list(OperationQuery.of("other"))).isEmpty();
  }

  private OperationRecord finish(OperationRecord record, OperationState state) {
    return finishOrEmpty(record, state).orElseThrow();
  }

  private Optional<OperationRecord> finishOrEmpty(OperationRecord record, OperationState state) {
    return store.finish(
        record.id(),
        record.lease().epoch(),
        new Ending(state, new Progress(1, "done"), null, OperationResult.of("r")),
        T0.plusSeconds(2));
  }
}
