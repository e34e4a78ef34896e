package io.github.asyncops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.InvalidParametersException;
import io.github.asyncops.core.InvalidSettingException;
import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.Stage;
import io.github.asyncops.core.spi.OperationFailedException;
import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What {@link WorkerTester} records of a run and how it configures, stops and judges a worker, on a
 * small countdown provider. The kit's other helpers are exercised by the project's own tests.
 */
final class WorkerTesterTest {

  @Test
  void a_run_to_the_end_records_start_every_report_ping_and_result() {
    WorkerRun run = WorkerTester.of(new Countdown()).setting("from", "3").run(null);

    assertThat(run.startText()).isEqualTo("counting down from 3");
    assertThat(run.texts()).containsExactly("3 left", "2 left", "1 left");
    assertThat(run.reports()).extracting(WorkerRun.Report::pinged).containsOnly("still counting");
    assertThat(run.lastValue()).isEqualTo(1.0);
    assertThat(run.outcome()).isEqualTo(OperationState.SUCCEEDED);
    assertThat(run.resultValue()).contains(OperationResult.of("lift-off"));
    assertThat(run.stopRequested()).isFalse();
  }

  @Test
  void the_stages_a_worker_reports_are_recorded_in_order() {
    WorkerRun run = WorkerTester.of(new Countdown()).setting("from", "2").run(null);

    assertThat(run.stages())
        .containsExactly(new Stage(1, 2, "counting"), new Stage(2, 2, "counting"));
  }

  @Test
  void a_stop_at_a_chosen_report_is_seen_and_ends_the_run_stopped() {
    WorkerRun run =
        WorkerTester.of(new Countdown())
            .setting("from", "10")
            .stopWhen(report -> report.value() >= 0.3)
            .run(null);

    assertThat(run.texts()).containsExactly("10 left", "9 left", "8 left");
    assertThat(run.stopText()).isEqualTo("countdown held");
    assertThat(run.outcome()).isEqualTo(OperationState.STOPPED);
    assertThat(run.resultValue()).isEmpty();
  }

  @Test
  void the_manual_clock_is_the_providers_clock_and_stamps_each_report() {
    WorkerTester<Integer> tester = WorkerTester.of(new Countdown()).setting("from", "2");
    tester.stopWhen(
        report -> {
          tester.clock().advance(Duration.ofSeconds(5));
          return false;
        });

    WorkerRun run = tester.run(null);

    Instant start = new ManualClock().instant();
    assertThat(run.reports())
        .extracting(WorkerRun.Report::at)
        .containsExactly(start, start.plusSeconds(5));
    assertThat(run.resultValue()).contains(OperationResult.of("lift-off"));
  }

  @Test
  void a_worker_that_throws_ends_failed_with_its_exception() {
    WorkerRun run = WorkerTester.of(new Countdown()).setting("from", "2").run(-1);

    assertThat(run.outcome()).isEqualTo(OperationState.FAILED);
    assertThat(run.failure()).hasMessage("engine failure at 2");
    assertThat(run.error()).isEqualTo("engine failure at 2");
  }

  @Test
  void a_failure_message_is_the_error_in_the_testers_language() {
    WorkerTester<Integer> tester = WorkerTester.of(new Countdown()).setting("from", "3");

    WorkerRun english = tester.locale(Locale.ENGLISH).run(-2);
    WorkerRun russian = tester.locale(Locale.forLanguageTag("ru")).run(-2);

    assertThat(english.outcome()).isEqualTo(OperationState.FAILED);
    assertThat(english.error()).isEqualTo("Contact lost at 3");
    assertThat(russian.error()).isEqualTo("Связь потеряна на 3");
    assertThat(russian.failure()).isInstanceOf(OperationFailedException.class);
  }

  @Test
  void settings_are_checked_as_the_engine_checks_them() {
    assertThatThrownBy(() -> WorkerTester.of(new Countdown()).setting("from", "zero").run(null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "setting 'countdown.from' has the invalid value 'zero': "
                + "must be a whole number from 1 to 100");
  }

  @Test
  void parameters_are_validated_before_a_worker_is_made() {
    assertThatThrownBy(() -> WorkerTester.of(new Countdown()).run(0))
        .isInstanceOf(InvalidParametersException.class);
  }

  /**
   * Counts down from its {@code from} setting (default 5), one report per number; stops when asked.
   * Parameters: null, or a negative number to fail at the first report: -1 with a plain exception,
   * -2 with the message "countdown.lost" of its {@code Countdown} bundles (en, ru).
   */
  private static final class Countdown implements WorkerProvider<Integer> {
    private int from = 5;
    private Clock clock;

    @Override
    public String name() {
      return "countdown";
    }

    @Override
    public String messages() {
      return "io.github.asyncops.testing.Countdown";
    }

    @Override
    public Class<Integer> parameterType() {
      return Integer.class;
    }

    @Override
    public void configure(ProviderContext context) {
      from = context.settings().integer("from", 5, 1, 100);
      clock = context.service(Clock.class);
    }

    @Override
    public void validate(Integer failAt) {
      if (failAt != null && failAt >= 0) {
        throw new InvalidParametersException("failAt", "must be negative");
      }
    }

    @Override
    public Worker create(Integer failAt) {
      Instant created = clock.instant();
      return new Worker() {
        @Override
        public String start() {
          return "counting down from " + from;
        }

        @Override
        public OperationResult run(WorkerContext context) {
          for (int left = from; left > 0; left--) {
            if (failAt != null && failAt == -2) {
              throw new OperationFailedException(Message.of("countdown.lost").with("left", left));
            }
            if (failAt != null) {
              throw new IllegalStateException("engine failure at " + left);
            }
            context.stage(from - left + 1, from, "counting");
            context.progress((double) (from - left + 1) / from, left + " left");
            if (context.stopRequested()) {
              return OperationResult.none();
            }
          }
          return OperationResult.of(created.isAfter(clock.instant()) ? "time travel" : "lift-off");
        }

        @Override
        public String stop() {
          return "countdown held";
        }

        @Override
        public Progress ping(Progress reported) {
          return Progress.of(reported.value(), "still counting");
        }
      };
    }
  }
}
