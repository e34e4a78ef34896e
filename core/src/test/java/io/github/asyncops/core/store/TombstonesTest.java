package io.github.asyncops.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ring of tombstones against a plain model of what it promises (the last {@code capacity} ids
 * forgotten, each until its deadline), over generated sequences of batches, single deletes, ids
 * forgotten twice, purges, and look-ups after every step or only now and then, so that the index
 * catches up on one id or many. Half the ids share one string hash, so the index's probing and the
 * shifting back on removal are exercised hard.
 */
class TombstonesTest {
  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(30);

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 16, 17, 100, 1000})
  void remembers_exactly_the_newest_ids_until_their_deadline(int capacity) {
    for (long seed = 1; seed <= 10; seed++) {
      check(capacity, new Random(seed * 31 + capacity));
    }
  }

  private static void check(int capacity, Random random) {
    Tombstones tombstones = new Tombstones(capacity, TTL);
    Deque<Map.Entry<OperationId, Instant>> model = new ArrayDeque<>();
    Set<OperationId> seen = new LinkedHashSet<>();
    int askEvery = 1 + random.nextInt(8);
    Instant now = T0;
    for (int step = 0; step < 300; step++) {
      now = now.plusSeconds(random.nextInt(4));
      int action = random.nextInt(10);
      if (action < 5) {
        List<OperationId> batch = new ArrayList<>();
        for (int i = random.nextInt(Math.min(capacity + 3, 50)); i > 0; i--) {
          batch.add(pick(random, seen));
        }
        tombstones.addAll(batch, now);
        for (OperationId id : batch) {
          remember(model, capacity, id, now.plus(TTL));
        }
      } else if (action < 7) {
        OperationId id = pick(random, seen);
        tombstones.add(id, now);
        remember(model, capacity, id, now.plus(TTL));
      } else if (action < 9) {
        tombstones.purge(now);
        while (!model.isEmpty() && !model.peekFirst().getValue().isAfter(now)) {
          model.removeFirst();
        }
      }
      assertThat(tombstones.size()).isEqualTo(model.size());
      if (step % askEvery == 0) {
        Set<OperationId> remembered = new HashSet<>();
        model.forEach(e -> remembered.add(e.getKey()));
        for (OperationId id : seen) {
          assertThat(tombstones.contains(id))
              .as("%s at step %d", id, step)
              .isEqualTo(remembered.contains(id));
        }
        assertThat(tombstones.contains(colliding(random.nextInt(1 << 10) | 1 << 10))).isFalse();
      }
    }
  }

  /** What tombstones promise: the last {@code capacity} ids forgotten, one forgotten twice too. */
  private static void remember(
      Deque<Map.Entry<OperationId, Instant>> model,
      int capacity,
      OperationId id,
      Instant deadline) {
    if (capacity == 0) {
      return;
    }
    if (model.size() == capacity) {
      model.removeFirst();
    }
    model.addLast(Map.entry(id, deadline));
  }

  /**
   * An id seen before (a quarter of the time), or a new one: random, or one of the first 1,024
   * hash-colliding ids.
   */
  private static OperationId pick(Random random, Set<OperationId> seen) {
    if (!seen.isEmpty() && random.nextInt(4) == 0) {
      return seen.stream().skip(random.nextInt(seen.size())).findFirst().orElseThrow();
    }
    OperationId id =
        random.nextBoolean() ? OperationId.random() : colliding(random.nextInt(1 << 10));
    seen.add(id);
    return id;
  }

  /**
   * One of 2,048 ids with the same {@link String#hashCode}: "Aa" and "BB" hash alike, and so does
   * every string of 11 such pairs, which is 22 characters, an id's length.
   */
  private static OperationId colliding(int bits) {
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      value.append((bits >> i & 1) == 0 ? "Aa" : "BB");
    }
    return OperationId.of(value.toString());
  }
}
