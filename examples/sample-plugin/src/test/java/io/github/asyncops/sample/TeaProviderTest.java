package io.github.asyncops.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asyncops.core.OperationState;
import io.github.asyncops.testing.WorkerRun;
import io.github.asyncops.testing.WorkerTester;
import org.junit.jupiter.api.Test;

/** The tea timer's story: it steeps second by second, can be poured away, and checks its lang. */
final class TeaProviderTest {

  @Test
  void tea_steeps_each_second_until_it_is_ready() {
    WorkerRun run = WorkerTester.of(new TeaProvider()).setting("steep-seconds", "2").run(null);

    assertThat(run.startText()).isEqualTo("Чайник поставлен");
    assertThat(run.texts()).containsExactly("Заваривается: 1/2", "Чай готов");
    assertThat(run.outcome()).isEqualTo(OperationState.SUCCEEDED);
  }

  @Test
  void a_stop_pours_the_tea_away() {
    WorkerRun run =
        WorkerTester.of(new TeaProvider())
            .setting("lang", "en")
            .stopWhen(report -> report.text().equals("Steeping: 1/6"))
            .run(null);

    assertThat(run.stopText()).isEqualTo("Poured away");
    assertThat(run.outcome()).isEqualTo(OperationState.STOPPED);
  }

  @Test
  void an_unknown_language_is_refused() {
    assertThatThrownBy(() -> WorkerTester.of(new TeaProvider()).setting("lang", "fr").run(null))
        .hasMessage("setting 'tea.lang' has the invalid value 'fr': must be ru or en");
  }
}
