package io.github.asyncops.example;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Slows down guessing the console's password: after {@link #LIMIT} wrong passwords within {@link
 * #WINDOW}, every login is refused, the right password too, until the oldest of them leaves the
 * window. It counts for the whole node, not per address, because an address is easy to change and a
 * proxy puts many users behind one; the cost is that someone guessing also keeps the operator
 * waiting, for at most a minute at a time.
 */
final class LoginThrottle {
  /** How many wrong passwords the window allows. */
  static final int LIMIT = 10;

  /** How long a wrong password counts. */
  static final Duration WINDOW = Duration.ofMinutes(1);

  private final LongSupplier nanoTime;
  private final ArrayDeque<Long> failures = new ArrayDeque<>();

  /**
   * A throttle on a clock.
   *
   * @param nanoTime the clock, {@link System#nanoTime()} outside tests
   */
  LoginThrottle(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * How long a login must wait before it is even checked.
   *
   * @return zero when it may be checked now, else the wait, at least a second
   */
  synchronized Duration waitBeforeLogin() {
    long now = nanoTime.getAsLong();
    while (!failures.isEmpty() && now - failures.peekFirst() >= WINDOW.toNanos()) {
      failures.removeFirst();
    }
    if (failures.size() < LIMIT) {
      return Duration.ZERO;
    }
    long left = failures.peekFirst() + WINDOW.toNanos() - now;
    return Duration.ofSeconds(Math.max(1, (left + 999_999_999L) / 1_000_000_000L));
  }

  /** Counts a wrong password. */
  synchronized void failed() {
    failures.addLast(nanoTime.getAsLong());
  }
}
