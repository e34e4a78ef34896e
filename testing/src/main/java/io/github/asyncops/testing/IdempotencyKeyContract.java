package io.github.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.spi.ClaimRequest;
import io.github.asyncops.core.spi.Ending;
import io.github.asyncops.core.spi.InsertResult;
import io.github.asyncops.core.spi.OperationRecord;
import io.github.asyncops.core.spi.OperationStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The idempotency keys of an {@link OperationStore}, part of {@link OperationStoreContract}: at
 * most one held record per (type, owner, key), found by an insert before its slot or queue limit,
 * and free again once that record is forgotten.
 */
public interface IdempotencyKeyContract {

  /**
   * The store under test, fresh and empty for each test, with the contract's types registered.
   *
   * @return the store
   */
  OperationStore store();

  private static OperationRecord keyed(String owner, String key, String slot) {
    return OperationRecord.queued(
            OperationId.random(),
            "t",
            owner,
            null,
            slot,
            "p",
            Duration.ofMinutes(5),
            Instant.parse("2026-01-01T00:00:00Z"))
        .withIdempotency(key == null ? null : new OperationRecord.Idempotency(key, "fp-" + key));
  }

  private OperationRecord inserted(OperationRecord record) {
    assertThat(store().insert(record, false, Integer.MAX_VALUE))
        .isEqualTo(new InsertResult.Inserted(record, null));
    return record;
  }

  /** An insert whose key a held record has answers that record, whatever its fingerprint. */
  @Test
  default void an_insert_with_a_held_key_answers_the_holder_and_inserts_nothing() {
    OperationRecord first = inserted(keyed("alice", "k-1", null));
    OperationRecord retry =
        keyed("alice", "k-1", null)
            .withIdempotency(new OperationRecord.Idempotency("k-1", "other"));

    assertThat(store().insert(retry, false, Integer.MAX_VALUE))
        .isEqualTo(new InsertResult.Replay(first));
    assertThat(store().find(retry.id())).isEmpty();
    assertThat(store().find(first.id()).orElseThrow().idempotency().fingerprint())
        .isEqualTo("fp-k-1");
  }

  /** A retry of a queued start is a replay, not a conflict, a replacement or a full queue. */
  @Test
  default void a_replay_comes_before_a_slot_conflict_and_a_full_queue() {
    OperationRecord first = inserted(keyed("alice", "k-1", "s"));

    assertThat(store().insert(keyed("alice", "k-1", "s"), false, 1))
        .isEqualTo(new InsertResult.Replay(first));
    assertThat(store().insert(keyed("alice", "k-1", "s"), true, 1))
        .isEqualTo(new InsertResult.Replay(first));
    assertThat(store().find(first.id()).orElseThrow().state()).isEqualTo(OperationState.QUEUED);
    assertThat(store().insert(keyed("alice", null, null), false, 2))
        .isInstanceOf(InsertResult.Inserted.class);
  }

  /**
   * Generated owners (null and empty among them) and keys with colons and digits, which a store
   * that joins owner and key into one value must keep apart: a key is taken once per type and
   * owner. A failure names its seed.
   */
  @Test
  default void keys_are_unique_per_type_and_owner_for_generated_owners_and_keys() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String[] parts = {"", "a", "1", ":", "0:", "é", "\u2603"};
    List<String> owners = new ArrayList<>(Arrays.asList(null, ""));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      owners.add(word(random, parts));
      keys.add("k" + word(random, parts));
      keys.add(word(random, parts) + ":");
    }
    Map<List<String>, OperationRecord> holders = new HashMap<>();
    for (int i = 0; i < 150; i++) {
      String owner = owners.get(random.nextInt(owners.size()));
      String key = keys.get(random.nextInt(keys.size()));
      boolean other = random.nextBoolean();
      OperationRecord record =
          other
              ? OperationRecord.queued(
                      OperationId.random(),
                      "other",
                      owner,
                      null,
                      null,
                      null,
                      Duration.ofMinutes(5),
                      Instant.parse("2026-01-01T00:00:00Z"))
                  .withIdempotency(new OperationRecord.Idempotency(key, null))
              : keyed(owner, key, null);
      List<String> where = Arrays.asList(record.type(), owner, key);
      OperationRecord holder = holders.get(where);
      InsertResult result = store().insert(record, false, Integer.MAX_VALUE);
      if (holder == null) {
        assertThat(result)
            .as("seed %d, %s", seed, where)
            .isEqualTo(new InsertResult.Inserted(record, null));
        holders.put(where, record);
      } else {
        assertThat(result)
            .as("seed %d, %s", seed, where)
            .isEqualTo(new InsertResult.Replay(holder));
      }
    }
    assertThat(holders).as("seed %d: some inserts replay", seed).hasSizeLessThan(150);
  }

  private static String word(Random random, String[] parts) {
    StringBuilder word = new StringBuilder();
    for (int n = random.nextInt(3); n >= 0; n--) {
      word.append(parts[random.nextInt(parts.length)]);
    }
    return word.toString();
  }

  /** A final record keeps its key; eviction and deletion free it. */
  @Test
  default void a_final_record_keeps_its_key_until_it_is_evicted_or_deleted() {
    OperationRecord first = inserted(keyed("alice", "k-1", null));
    OperationRecord done = finished(first);
    assertThat(store().insert(keyed("alice", "k-1", null), false, Integer.MAX_VALUE))
        .isEqualTo(new InsertResult.Replay(done));

    assertThat(store().evict(done.evictAt())).isEqualTo(1);
    OperationRecord again = inserted(keyed("alice", "k-1", null));

    assertThat(store().delete(finished(again).id())).isTrue();
    inserted(keyed("alice", "k-1", null));
  }

  private OperationRecord finished(OperationRecord queued) {
    OperationRecord running =
        store().claim(new ClaimRequest("t", 1, "node-a"), queued.times().createdAt()).get(0);
    assertThat(running.id()).isEqualTo(queued.id());
    return store()
        .finish(
            running.id(),
            running.lease().epoch(),
            Ending.succeeded(new Progress(1, null), OperationResult.none()),
            queued.times().createdAt())
        .orElseThrow();
  }

  /**
   * Racing inserts with one key insert one record; the others replay it.
   *
   * @throws Exception if the insert threads fail
   */
  @Test
  default void concurrent_inserts_with_one_key_insert_exactly_one_record() throws Exception {
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 15; round++) {
        String key = "race-" + round;
        String slot = round % 3 == 0 ? "s-" + round : null;
        boolean replace = round % 4 == 1;
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<InsertResult>> inserts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          OperationRecord record = keyed(round % 2 == 0 ? null : "alice", key, slot);
          inserts.add(
              () -> {
                go.await();
                return store().insert(record, replace, Integer.MAX_VALUE);
              });
        }
        List<Future<InsertResult>> futures = new ArrayList<>();
        for (Callable<InsertResult> insert : inserts) {
          futures.add(pool.submit(insert));
        }
        go.countDown();
        List<InsertResult> results = new ArrayList<>();
        for (Future<InsertResult> f : futures) {
          results.add(f.get(30, TimeUnit.SECONDS));
        }
        List<OperationRecord> winners =
            results.stream()
                .filter(InsertResult.Inserted.class::isInstance)
                .map(r -> ((InsertResult.Inserted) r).record())
                .toList();
        assertThat(winners).as(key).hasSize(1);
        assertThat(results)
            .as(key)
            .filteredOn(r -> !(r instanceof InsertResult.Inserted))
            .hasSize(threads - 1)
            .allSatisfy(r -> assertThat(r).isEqualTo(new InsertResult.Replay(winners.get(0))));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
