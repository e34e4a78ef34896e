package io.github.asyncops.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which database failures are retried, how often and with which pauses, which the retry reports as
 * it takes them. How the store behaves once retries give up is in {@link OutageTest}.
 */
final class RetryTest {
  private final List<Duration> pauses = new ArrayList<>();
  private final Retry retry =
      new Retry(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(25)), pauses::add);

  private static SQLException state(String sqlState) {
    return new SQLException("failure " + sqlState, sqlState);
  }

  @Test
  void transient_failures_are_retried_with_doubling_capped_pauses_until_a_call_succeeds()
      throws Exception {
    List<Integer> attempts = new ArrayList<>();

    String result =
        retry.call(
            "work",
            attempt -> {
              attempts.add(attempt);
              if (attempt < 4) {
                throw state("08006");
              }
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(attempts).containsExactly(1, 2, 3, 4);
    assertThat(pauses)
        .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(25));
  }

  @Test
  void a_call_gives_up_after_its_attempts_with_the_last_failure_and_the_first_suppressed() {
    SQLException first = state("40001");
    SQLException last = state("40P01");
    List<SQLException> failures =
        new ArrayList<>(List.of(first, state("08001"), state("HYT00"), last));

    assertThatThrownBy(
            () ->
                retry.call(
                    "work",
                    attempt -> {
                      throw failures.get(attempt - 1);
                    }))
        .isSameAs(last)
        .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(first));
    assertThat(pauses).hasSize(3);
  }

  @Test
  void an_interrupt_while_pausing_ends_the_retries_with_the_failure_and_keeps_the_interrupt() {
    SQLException lost = state("08006");
    List<Integer> attempts = new ArrayList<>();

    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(
              () ->
                  retry.call(
                      "work",
                      attempt -> {
                        attempts.add(attempt);
                        throw lost;
                      }))
          .isSameAs(lost);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(attempts).containsExactly(1);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void other_failures_are_not_retried() {
    SQLException unique = state("23505");

    assertThatThrownBy(
            () ->
                retry.call(
                    "work",
                    attempt -> {
                      throw unique;
                    }))
        .isSameAs(unique);
    assertThat(pauses).isEmpty();
  }

  @Test
  void transient_failures_are_recognised_by_state_class_type_and_cause() {
    assertThat(Retry.isTransient(state("08003"))).isTrue();
    assertThat(Retry.isTransient(state("57P01"))).isTrue();
    assertThat(Retry.isTransient(new SQLTransientConnectionException("pool timeout"))).isTrue();
    assertThat(Retry.isTransient(new SQLException("wrapped", null, state("40001")))).isTrue();
    SQLException batch = state("23505");
    batch.setNextException(state("40P01"));
    assertThat(Retry.isTransient(batch)).isTrue();
    assertThat(Retry.isTransient(state("42P01"))).isFalse();
    assertThat(Retry.isTransient(new SQLException("no state"))).isFalse();
  }

  @Test
  void the_default_policy_pauses_about_one_and_a_half_seconds_in_all() {
    RetryPolicy defaults = RetryPolicy.defaults();
    Duration total = Duration.ZERO;
    for (int failures = 1; failures < defaults.maxAttempts(); failures++) {
      total = total.plus(defaults.backoff(failures));
    }

    assertThat(total).isEqualTo(Duration.ofMillis(1550));
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @Test
  void no_pause_outlasts_the_call_budget_and_no_attempt_starts_after_it() {
    Retry budgeted =
        new Retry(new RetryPolicy(6, Duration.ofMillis(50), Duration.ofSeconds(1)), pauses::add);
    long until = System.nanoTime() + Duration.ofMillis(120).toNanos();
    List<Integer> attempts = new ArrayList<>();

    assertThatThrownBy(
            () ->
                budgeted.call(
                    "work",
                    until,
                    attempt -> {
                      attempts.add(attempt);
                      throw state("08006");
                    }))
        .isInstanceOf(SQLException.class);

    assertThat(attempts).hasSizeLessThan(6);
    assertThat(pauses.stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(120);
  }
}
