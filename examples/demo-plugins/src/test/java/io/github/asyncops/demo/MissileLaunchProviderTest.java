package io.github.asyncops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.InvalidSettingException;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Scope;
import io.github.asyncops.testing.WorkerRun;
import io.github.asyncops.testing.WorkerTester;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The missile launch's story, in both languages: lift-off, the flight's percentages, the boom at
 * the end, a cancelled flight, and the settings it refuses. How the demo page shows it is
 * example-app's {@code DemoBrowserIT}.
 */
final class MissileLaunchProviderTest {
  private static final Locale RU = Locale.forLanguageTag("ru");

  @Test
  void a_flight_lifts_off_flies_in_steps_and_ends_with_a_boom() {
    WorkerRun run =
        WorkerTester.of(new MissileLaunchProvider())
            .locale(RU)
            .setting("flight-seconds", "1")
            .setting("step", "250ms")
            .run(null);

    assertThat(run.startText()).isEqualTo("Поехали!");
    assertThat(run.reports())
        .extracting(WorkerRun.Report::pinged)
        .containsExactly(
            "Полет завершен на 25%", "Полет завершен на 50%", "Полет завершен на 75%", "Кабуууум!");
    assertThat(run.outcome()).isEqualTo(OperationState.SUCCEEDED);
  }

  @Test
  void the_text_says_the_percent_the_widget_shows_rounded_not_truncated() {
    WorkerRun run =
        WorkerTester.of(new MissileLaunchProvider())
            .locale(RU)
            .setting("flight-seconds", "1")
            .setting("step", "334ms")
            .setting("lang", "en")
            .locale(Locale.ENGLISH)
            .run(null);

    assertThat(run.reports())
        .extracting(WorkerRun.Report::pinged)
        .containsExactly("Flight 33% complete", "Flight 67% complete", "Kaboooom!");
  }

  @Test
  void a_stopped_flight_is_cancelled_at_once() {
    WorkerRun run =
        WorkerTester.of(new MissileLaunchProvider())
            .locale(RU)
            .setting("flight-seconds", "60")
            .setting("step", "100ms")
            .stopWhen(report -> report.value() > 0)
            .run(null);

    assertThat(run.reports()).hasSize(1);
    assertThat(run.stopText()).isEqualTo("Полет отменен");
    assertThat(run.outcome()).isEqualTo(OperationState.STOPPED);
  }

  @Test
  void lang_en_speaks_english() {
    WorkerTester<Void> tester =
        WorkerTester.of(new MissileLaunchProvider())
            .locale(RU)
            .setting("flight-seconds", "1")
            .setting("step", "500ms")
            .setting("lang", "en")
            .locale(Locale.ENGLISH);

    WorkerRun run = tester.run(null);

    assertThat(tester.configure().title()).isEqualTo("Missile launch");
    assertThat(run.startText()).isEqualTo("Liftoff!");
    assertThat(run.reports())
        .extracting(WorkerRun.Report::pinged)
        .containsExactly("Flight 50% complete", "Kaboooom!");
  }

  @Test
  void one_flight_for_everybody() {
    MissileLaunchProvider provider = new MissileLaunchProvider();

    assertThat(provider.scope()).isEqualTo(Scope.GLOBAL);
    assertThat(provider.maxConcurrent()).isEqualTo(1);
    assertThat(provider.title()).isEqualTo("Запуск ракеты");
  }

  @Test
  void settings_it_cannot_use_are_refused_with_their_values() {
    assertThatThrownBy(
            () ->
                WorkerTester.of(new MissileLaunchProvider())
                    .locale(RU)
                    .setting("flight-seconds", "0")
                    .run(null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "setting 'missile-launch.flight-seconds' has the invalid value '0': "
                + "must be a whole number from 1 to 86400");
    assertThatThrownBy(
            () ->
                WorkerTester.of(new MissileLaunchProvider())
                    .locale(RU)
                    .setting("lang", "de")
                    .run(null))
        .hasMessage("setting 'missile-launch.lang' has the invalid value 'de': must be ru or en");
    assertThatThrownBy(
            () ->
                WorkerTester.of(new MissileLaunchProvider())
                    .locale(RU)
                    .setting("step", "0s")
                    .run(null))
        .hasMessage(
            "setting 'missile-launch.step' has the invalid value '0s': must be at least 1ms");
  }
}
