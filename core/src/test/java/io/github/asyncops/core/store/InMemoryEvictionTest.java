package io.github.asyncops.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.OperationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store's eviction schedule: batches once per {@code evictInterval} from the tick, an
 * early batch when {@code evictBatch} records finished since the last run, so that records due at
 * retention zero stay bounded, and every forgotten id answers "gone".
 */
final class InMemoryEvictionTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final Duration INTERVAL = Duration.ofSeconds(1);

  private static InMemoryOperationStore store(int batch) {
    return InMemoryOperationStore.builder().evictInterval(INTERVAL).evictBatch(batch).build();
  }

  /** Inserts, claims and finishes one operation of this retention at {@code now}. */
  private static OperationId run(InMemoryOperationStore store, Duration retention, Instant now) {
    return run(store, "t", retention, now);
  }

  /** The same with a type of its own, which one thread alone claims. */
  private static OperationId run(
      InMemoryOperationStore store, String type, Duration retention, Instant now) {
    OperationRecord record =
        OperationRecord.queued(OperationId.random(), type, null, null, null, null, retention, now);
    store.insert(record, false, Integer.MAX_VALUE);
    long epoch = store.claim(new ClaimRequest(type, 1, "n"), now).get(0).lease().epoch();
    store.finish(
        record.id(), epoch, Ending.succeeded(new Progress(1, null), OperationResult.none()), now);
    return record.id();
  }

  @Test
  void the_tick_evicts_once_per_interval_and_a_forgotten_id_is_gone() {
    InMemoryOperationStore store = store(1_000);
    OperationId first = run(store, Duration.ZERO, T0);

    store.tick(T0);
    assertThat(store.find(first)).isEmpty();
    assertThat(store.forgotten(first)).isTrue();

    OperationId second = run(store, Duration.ZERO, T0.plusMillis(100));
    store.tick(T0.plusMillis(100));
    store.tick(T0.plus(INTERVAL).minusNanos(1));
    assertThat(store.find(second)).isPresent();

    store.tick(T0.plus(INTERVAL));
    assertThat(store.find(second)).isEmpty();
    assertThat(store.forgotten(second)).isTrue();
  }

  @Test
  void evict_forgets_what_is_due_whenever_called() {
    InMemoryOperationStore store = store(1_000);
    store.tick(T0);
    OperationId id = run(store, Duration.ZERO, T0);

    assertThat(store.evict(T0)).isEqualTo(1);
    assertThat(store.forgotten(id)).isTrue();
  }

  @Test
  void at_retention_zero_finished_records_never_pile_up_past_a_batch_without_a_tick() {
    int batch = 100;
    InMemoryOperationStore store = store(batch);
    List<OperationId> ids = new ArrayList<>();
    int most = 0;
    for (int i = 0; i < 2_550; i++) {
      ids.add(run(store, Duration.ZERO, T0.plusMillis(i)));
      most = Math.max(most, store.size());
    }

    assertThat(most).isEqualTo(batch - 1);
    assertThat(store.size()).isEqualTo(50);
    assertThat(ids)
        .allSatisfy(id -> assertThat(store.forgotten(id)).isNotEqualTo(store.find(id).isPresent()));
  }

  @Test
  void racing_finishes_stay_within_a_batch_per_thread() throws Exception {
    int batch = 64;
    int threads = 4;
    InMemoryOperationStore store = store(batch);
    AtomicInteger most = new AtomicInteger();
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> racers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String type = "t" + t;
        racers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 2_000; i++) {
                    run(store, type, Duration.ZERO, T0);
                    most.accumulateAndGet(store.size(), Math::max);
                  }
                  return null;
                }));
      }
      for (Future<?> racer : racers) {
        racer.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(most.get()).isLessThanOrEqualTo(threads * (batch + threads));
    store.evict(T0);
    assertThat(store.size()).isZero();
    assertThat(store.tombstones()).isEqualTo(threads * 2_000);
  }

  @Test
  void an_early_batch_keeps_records_whose_retention_has_not_passed() {
    InMemoryOperationStore store = store(10);
    Duration retention = Duration.ofMinutes(1);
    List<OperationId> kept = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      kept.add(run(store, retention, T0));
    }
    OperationId brief = run(store, Duration.ZERO, T0);
    for (int i = 0; i < 9; i++) {
      run(store, retention, T0);
    }

    assertThat(kept).allSatisfy(id -> assertThat(store.find(id)).isPresent());
    assertThat(store.forgotten(brief)).isTrue();

    store.tick(T0.plus(retention));
    assertThat(store.size()).isZero();
  }

  @Test
  void a_record_deleted_before_its_time_is_gone_at_once_and_not_counted_again() {
    InMemoryOperationStore store = store(1_000);
    Duration retention = Duration.ofMinutes(1);
    OperationId deleted = run(store, retention, T0);
    OperationId kept = run(store, retention, T0);

    assertThat(store.delete(deleted)).isTrue();
    assertThat(store.forgotten(deleted)).isTrue();
    assertThat(store.evict(T0.plus(retention))).isEqualTo(1);
    assertThat(store.forgotten(deleted)).isTrue();
    assertThat(store.forgotten(kept)).isTrue();
    assertThat(store.size()).isZero();
  }

  @Test
  void settings_out_of_range_are_refused_with_their_name() {
    InMemoryOperationStore.Builder builder = InMemoryOperationStore.builder();

    assertThatThrownBy(() -> builder.evictInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evictInterval");
    assertThatThrownBy(() -> builder.evictBatch(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evictBatch");
    assertThatThrownBy(() -> builder.tombstones(-1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tombstone capacity");
  }
}
