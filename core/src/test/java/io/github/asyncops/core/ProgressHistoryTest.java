package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The estimate of the time left, fed synthetic runs sampled as the housekeeping tick samples them
 * (every 100 ms): linear, accelerating, stepwise, jittered and stalled progress. Asserts bounds on
 * the error, never exact values. How the engine wires the estimate into statuses is left to {@code
 * TimeInStatusTest}.
 */
final class ProgressHistoryTest {
  /** The length of every synthetic run: ten minutes. */
  private static final long RUN = 600_000;

  private static final long TICK = 100;

  /** One estimate during a run: when, what it said, and the truth. */
  private record Estimate(long at, Duration said, long truth) {
    double error() {
      return Math.abs(said.toMillis() - truth) / (double) truth;
    }
  }

  /** Feeds {@code progress(t)} (t from 0 to 1) for a whole run; collects every estimate. */
  private static List<Estimate> run(DoubleUnaryOperator progress) {
    ProgressHistory history = new ProgressHistory();
    List<Estimate> estimates = new ArrayList<>();
    for (long t = 0; t < RUN; t += TICK) {
      history.sample(t, progress.applyAsDouble((double) t / RUN), null, null);
      Duration said = history.remaining(t);
      if (said != null) {
        estimates.add(new Estimate(t, said, RUN - t));
      }
    }
    return estimates;
  }

  /** The worst relative error among estimates made between two fractions of the run. */
  private static double worst(List<Estimate> estimates, double from, double to) {
    return estimates.stream()
        .filter(e -> e.at() >= from * RUN && e.at() <= to * RUN)
        .mapToDouble(Estimate::error)
        .max()
        .orElseThrow(() -> new AssertionError("no estimate between " + from + " and " + to));
  }

  @Test
  void linear_progress_is_estimated_within_two_percent() {
    List<Estimate> estimates = run(t -> t);

    assertThat(estimates.get(0).at()).as("once 1 %% is done").isLessThanOrEqualTo(RUN / 100);
    assertThat(worst(estimates, 0.05, 0.95)).isLessThan(0.02);
  }

  @Test
  void accelerating_progress_is_overestimated_at_most_twofold_past_half_and_converges() {
    List<Estimate> estimates = run(t -> t * t);

    assertThat(worst(estimates, 0.5, 0.95)).isLessThan(1.0);
    assertThat(worst(estimates, 0.8, 0.95)).isLessThan(0.35);
  }

  @Test
  void decelerating_progress_is_underestimated_within_bounds() {
    List<Estimate> estimates = run(t -> Math.sqrt(t));

    assertThat(worst(estimates, 0.2, 0.95)).isLessThan(0.75);
    assertThat(worst(estimates, 0.8, 0.95)).isLessThan(0.2);
  }

  @ParameterizedTest
  @ValueSource(ints = {2_000, 10_000, 30_000})
  void steps_are_smoothed_into_a_steady_countdown(int stepMillis) {
    double steps = (double) RUN / stepMillis;
    List<Estimate> estimates = run(t -> Math.floor(t * steps) / steps);

    assertThat(worst(estimates, 0.25, 0.9)).isLessThan(0.05);
  }

  @Test
  void uneven_steps_with_rates_jittered_by_five_percent_stay_within_ten_percent() {
    Random random = new Random(17);
    int ticks = (int) (RUN / TICK);
    double[] reported = new double[ticks];
    double done = 0;
    int reportedAt = 0;
    for (int i = 0; i < ticks; i++) {
      done += 1 + (random.nextDouble() - 0.5) * 0.1;
      if (i >= reportedAt) {
        reported[i] = done;
        reportedAt = i + 10 + random.nextInt(40);
      } else {
        reported[i] = reported[i - 1];
      }
    }
    double total = done;
    List<Estimate> estimates =
        run(t -> reported[(int) Math.min(ticks - 1, Math.round(t * ticks))] / total);

    assertThat(worst(estimates, 0.25, 0.9)).isLessThan(0.1);
  }

  @Test
  void a_stall_raises_the_estimate_instead_of_counting_down() {
    ProgressHistory history = new ProgressHistory();
    long t = 0;
    for (; t <= RUN / 2; t += TICK) {
      history.sample(t, (double) t / RUN, null, null);
    }
    Duration atStall = history.remaining(t);
    assertThat(atStall.toMillis()).isCloseTo(RUN / 2, withPercentage(3));

    for (long stalled = t + 60_000; t < stalled; t += TICK) {
      history.sample(t, 0.5, null, null);
    }

    assertThat(history.remaining(t)).isGreaterThan(atStall);
    assertThat(history.stalled(t, Duration.ofSeconds(30))).isTrue();
    assertThat(history.stalled(t, Duration.ZERO)).isFalse();
  }

  @Test
  void movement_of_the_text_alone_is_no_stall_but_gives_no_estimate() {
    ProgressHistory history = new ProgressHistory();
    for (long t = 0; t <= 120_000; t += TICK) {
      history.sample(t, 0, "row " + t / 10_000, null);
    }

    assertThat(history.stalled(120_000, Duration.ofSeconds(30))).isFalse();
    assertThat(history.stalled(160_000, Duration.ofSeconds(30))).isTrue();
    assertThat(history.remaining(120_000)).isNull();
  }

  @Test
  void no_estimate_before_enough_changes_or_progress() {
    ProgressHistory history = new ProgressHistory();
    history.sample(0, 0, null, null);
    history.sample(1_000, 0.001, null, null);
    history.sample(2_000, 0.002, null, null);
    history.sample(3_000, 0.003, null, null);
    assertThat(history.remaining(3_000)).as("below 1 %").isNull();

    ProgressHistory quick = new ProgressHistory();
    quick.sample(0, 0, null, null);
    quick.sample(100, 0.2, null, null);
    quick.sample(200, 0.4, null, null);
    assertThat(quick.remaining(200)).as("two changes in 200 ms").isNull();
  }

  @Test
  void progress_that_goes_back_starts_the_estimate_afresh() {
    ProgressHistory history = new ProgressHistory();
    for (long t = 0; t <= 60_000; t += TICK) {
      history.sample(t, t / 120_000.0, null, null);
    }
    assertThat(history.remaining(60_000)).isNotNull();

    history.sample(60_100, 0.1, null, null);

    assertThat(history.remaining(60_100)).isNull();
  }

  @Test
  void a_long_run_keeps_a_bounded_history_and_its_accuracy() {
    ProgressHistory history = new ProgressHistory();
    long hours = 3_600_000L * 5;
    for (long t = 0; t <= hours / 2; t += 1_000) {
      history.sample(t, (double) t / hours, null, null);
    }

    assertThat(history.remaining(hours / 2).toMillis()).isCloseTo(hours / 2, withPercentage(2));
  }
}
