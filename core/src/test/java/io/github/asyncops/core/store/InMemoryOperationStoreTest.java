package io.github.asyncops.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.testing.AdminQueryContract;
import io.github.asyncops.testing.MessageStoreContract;
import io.github.asyncops.testing.OperationStoreContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Runs the store contract, the message contract ({@link MessageStoreContract}) and the operator
 * console's queries and summary ({@link AdminQueryContract}) against the in-memory store, and
 * checks its own bounds on tombstones and that its lock-free indexes hold under threads racing for
 * one slot or the last queue places.
 */
final class InMemoryOperationStoreTest extends OperationStoreContract
    implements AdminQueryContract, MessageStoreContract {

  @Override
  protected OperationStore newStore() {
    return new InMemoryOperationStore(2, Duration.ofMinutes(10));
  }

  @Override
  public OperationStore newAdminStore() {
    return new InMemoryOperationStore();
  }

  @Test
  void tombstones_are_capped_and_expire() {
    InMemoryOperationStore memory = (InMemoryOperationStore) store;
    OperationId[] ids = new OperationId[3];
    for (int i = 0; i < 3; i++) {
      OperationRecord r = queued(null, T0);
      memory.insert(r, false, 10);
      memory.claim(new ClaimRequest("t", 1, "n"), T0);
      memory.finish(r.id(), 1, Ending.succeeded(new Progress(1, null), OperationResult.none()), T0);
      ids[i] = r.id();
    }
    memory.evict(T0.plus(Duration.ofMinutes(5)));

    assertThat(memory.size()).isZero();
    assertThat(memory.tombstones()).isEqualTo(2);
    assertThat(memory.forgotten(ids[0])).isFalse();
    assertThat(memory.forgotten(ids[2])).isTrue();

    memory.evict(T0.plus(Duration.ofMinutes(16)));
    assertThat(memory.tombstones()).isZero();
  }

  @Test
  void a_slot_has_at_most_one_active_holder_while_threads_race_for_it() throws Exception {
    AtomicInteger holders = new AtomicInteger();
    AtomicInteger mostHolders = new AtomicInteger();
    AtomicInteger inserted = new AtomicInteger();

    race(
        () -> {
          OperationRecord r = queued("s", T0);
          if (store.insert(r, false, Integer.MAX_VALUE) instanceof InsertResult.Inserted) {
            inserted.incrementAndGet();
            mostHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
            holders.decrementAndGet();
            store.finish(r.id(), 0, Ending.succeeded(new Progress(1, null), none()), T0);
          }
        });

    assertThat(mostHolders).hasValue(1);
    assertThat(inserted.get()).isPositive();
    assertThat(store.insert(queued("s", T0), false, 1)).isInstanceOf(InsertResult.Inserted.class);
  }

  @Test
  void racing_restarts_leave_one_active_holder_and_stop_every_other() throws Exception {
    race(() -> store.insert(queued("s", T0), true, Integer.MAX_VALUE));

    List<OperationRecord> all =
        store.list(new OperationQuery("t", null, null, false, Integer.MAX_VALUE));
    assertThat(all).filteredOn(r -> r.state().isActive()).hasSize(1);
    assertThat(all)
        .filteredOn(r -> r.state().isFinal())
        .allSatisfy(r -> assertThat(r.state()).isEqualTo(OperationState.STOPPED))
        .hasSize(all.size() - 1);
    assertThat(store.insert(queued(null, T0), false, 1)).isEqualTo(new InsertResult.Full(1));
  }

  @Test
  void racing_inserts_and_stops_keep_the_queue_count_exact() throws Exception {
    OperationQuery active = new OperationQuery("t", null, null, true, Integer.MAX_VALUE);

    race(
        () -> {
          store.insert(queued("s", T0), false, Integer.MAX_VALUE);
          store.list(active).forEach(r -> store.requestStop(r.id(), null, T0));
        });
    store.list(active).forEach(r -> store.requestStop(r.id(), null, T0));

    assertThat(store.list(active)).isEmpty();
    assertThat(store.insert(queued(null, T0), false, 1)).isInstanceOf(InsertResult.Inserted.class);
    assertThat(store.insert(queued(null, T0), false, 1)).isEqualTo(new InsertResult.Full(1));
  }

  @Test
  void racing_inserts_never_pass_the_queue_limit() throws Exception {
    AtomicInteger inserted = new AtomicInteger();

    race(
        () -> {
          if (store.insert(queued(null, T0), false, 50) instanceof InsertResult.Inserted) {
            inserted.incrementAndGet();
          }
        });

    assertThat(inserted).hasValue(50);
    assertThat(store.claim(new ClaimRequest("t", 100, "n"), T0)).hasSize(50);
  }

  /** Runs {@code step} 300 times on each of 4 threads, all released at once. */
  private static void race(Runnable step) throws Exception {
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> racers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        racers.add(
            () -> {
              start.await();
              for (int i = 0; i < 300; i++) {
                step.run();
              }
              return null;
            });
      }
      for (Future<Void> racer : pool.invokeAll(racers)) {
        racer.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static OperationResult none() {
    return OperationResult.none();
  }
}
