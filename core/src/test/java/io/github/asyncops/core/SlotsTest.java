package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The engine's and each type's running limits, taken in bulk by a claim. */
final class SlotsTest {
  private static RegisteredType type(String name, int maxConcurrent) {
    return new RegisteredType(
        OperationType.declare(name, Void.class).maxConcurrent(maxConcurrent).build());
  }

  @Test
  void a_bulk_reservation_takes_what_both_limits_leave_and_gives_the_rest_back() {
    Slots slots = new Slots(10);
    RegisteredType narrow = type("narrow", 3);
    RegisteredType wide = type("wide", 100);

    assertThat(slots.reserveUpTo(narrow, Integer.MAX_VALUE)).isEqualTo(3);
    assertThat(slots.reserveUpTo(narrow, Integer.MAX_VALUE)).isZero();
    assertThat(slots.reserveUpTo(wide, 5)).isEqualTo(5);
    assertThat(slots.reserveUpTo(wide, Integer.MAX_VALUE)).isEqualTo(2);
    assertThat(slots.reserve(wide)).isFalse();

    slots.release(narrow, 3);
    assertThat(slots.reserveUpTo(wide, Integer.MAX_VALUE)).isEqualTo(3);
    assertThat(narrow.running.get()).isZero();
    assertThat(wide.running.get()).isEqualTo(10);
  }

  @Test
  void racing_reservations_never_pass_either_limit() throws Exception {
    Slots slots = new Slots(50);
    List<RegisteredType> types = List.of(type("a", 20), type("b", 40));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> taken = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        RegisteredType rt = types.get(i % 2);
        int max = 1 + i % 7;
        taken.add(pool.submit(() -> slots.reserveUpTo(rt, max)));
      }
      int total = 0;
      for (Future<Integer> f : taken) {
        total += f.get();
      }
      int a = types.get(0).running.get();
      int b = types.get(1).running.get();
      assertThat(a).isBetween(10, 20);
      assertThat(b).isBetween(30, 40);
      assertThat(total).isEqualTo(a + b).isEqualTo(50);
      assertThat(slots.reserve(types.get(0))).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }
}
