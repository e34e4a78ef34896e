package io.github.asyncops.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The console login's throttle on a manual clock: ten wrong passwords a minute are answered, the
 * eleventh login waits until the oldest leaves the minute, and each failure counts for a minute
 * from its own time.
 */
final class LoginThrottleTest {
  private final AtomicLong now = new AtomicLong(123_456_789L);
  private final LoginThrottle throttle = new LoginThrottle(now::get);

  private void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Test
  void ten_wrong_passwords_a_minute_are_answered_and_then_logins_wait_for_the_oldest() {
    for (int i = 0; i < LoginThrottle.LIMIT; i++) {
      assertThat(throttle.waitBeforeLogin()).as("login %d", i + 1).isZero();
      throttle.failed();
      advance(Duration.ofSeconds(2));
    }

    assertThat(throttle.waitBeforeLogin()).isEqualTo(Duration.ofSeconds(40));
    advance(Duration.ofSeconds(39).plusMillis(500));
    assertThat(throttle.waitBeforeLogin()).isEqualTo(Duration.ofSeconds(1));
    advance(Duration.ofMillis(500));
    assertThat(throttle.waitBeforeLogin()).isZero();
  }

  @Test
  void a_failure_stops_counting_a_minute_after_it_happened() {
    for (int i = 0; i < LoginThrottle.LIMIT; i++) {
      throttle.failed();
    }
    assertThat(throttle.waitBeforeLogin()).isEqualTo(LoginThrottle.WINDOW);

    advance(LoginThrottle.WINDOW);

    assertThat(throttle.waitBeforeLogin()).isZero();
    throttle.failed();
    assertThat(throttle.waitBeforeLogin()).isZero();
  }
}
