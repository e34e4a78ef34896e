package io.github.asyncops.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.examples.SpokenFlight;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.core.testing.EchoProvider;
import io.github.asyncops.testing.Gate;
import io.github.asyncops.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Workers that report messages: the engine renders them in its default language for snapshots and
 * stores, {@link OperationEngine#localize} in a viewer's, {@link OperationEngine#locale} picks the
 * viewer's language from what the bundles have, and a key no bundle has shows as itself, logged
 * once. The encoding is in {@link MessageTest}; the HTTP side in the adapter's tests.
 */
final class MessagesTest {
  private static final Locale RU = Locale.forLanguageTag("ru");
  private static final Locale EN = Locale.forLanguageTag("en");

  private final Gate gate = new Gate();
  private OperationEngine engine;

  private OperationEngine engine() {
    return engine(new SpokenFlight(gate));
  }

  private OperationEngine engine(WorkerProvider<?> type) {
    engine =
        OperationEngine.builder()
            .discover(false)
            .locale(RU)
            // No housekeeping tick races the start's own claim, so a start answers with its text.
            .scheduler(new ManualScheduler())
            .worker(type)
            .build();
    return engine;
  }

  @AfterEach
  void close() {
    gate.open(100);
    if (engine != null) {
      engine.close();
    }
  }

  private OperationSnapshot awaitText(OperationId id, String text) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> engine.status(id), s -> text.equals(s.text()));
  }

  @Test
  void a_start_message_answers_the_start_in_the_default_language_and_each_viewer_in_theirs() {
    engine();

    OperationSnapshot started = engine.start(StartRequest.of("spoken-flight")).operation();

    assertThat(started.text()).isEqualTo("Поехали!");
    assertThat(started.message()).isEqualTo(Message.of("flight.started"));
    assertThat(engine.localize(started, EN).text()).isEqualTo("Liftoff!");
    assertThat(engine.localize(started, RU).text()).isEqualTo("Поехали!");
  }

  @Test
  void progress_messages_reach_the_store_with_their_default_text() throws Exception {
    engine();
    OperationId id = engine.start(StartRequest.of("spoken-flight")).operation().id();
    gate.awaitArrivals(1);
    gate.open(1);
    gate.awaitArrivals(1);

    OperationSnapshot flying = awaitText(id, "Полет завершен на 40%");

    assertThat(engine.localize(flying, EN).text()).isEqualTo("Flight 40% complete");
    assertThat(flying.message()).isEqualTo(Message.of("flight.progress").with("percent", 40));
  }

  @Test
  void a_stop_message_is_what_every_viewer_reads_once_stopped() throws Exception {
    engine();
    OperationId id = engine.start(StartRequest.of("spoken-flight")).operation().id();
    gate.awaitArrivals(1);

    engine.stop(id);

    OperationSnapshot stopped =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> engine.status(id), s -> s.state() == OperationState.STOPPED);
    assertThat(stopped.text()).isEqualTo("Полет отменен");
    assertThat(engine.localize(stopped, EN).text()).isEqualTo("Flight cancelled");
  }

  @Test
  void the_viewer_gets_the_first_language_a_bundle_has_else_the_default() {
    engine();

    assertThat(engine.locale(List.of(Locale.forLanguageTag("en-US")))).isEqualTo(EN);
    assertThat(engine.locale(List.of(Locale.GERMAN, Locale.forLanguageTag("en-GB")))).isEqualTo(EN);
    assertThat(engine.locale(List.of(Locale.GERMAN))).isEqualTo(RU);
    assertThat(engine.locale(List.of(Locale.forLanguageTag("ru-RU"), EN))).isEqualTo(RU);
    assertThat(engine.locale(List.of())).isEqualTo(RU);
  }

  @Test
  void texts_with_bundles_are_in_the_chosen_language() {
    engine();

    assertThat(engine.textLanguage(List.of(Locale.forLanguageTag("en-US")))).hasValue(EN);
    assertThat(engine.textLanguage(List.of(Locale.GERMAN))).hasValue(RU);
  }

  @Test
  void plain_texts_name_no_language_unless_the_default_locale_was_set() {
    try (OperationEngine unset =
            OperationEngine.builder()
                .discover(false)
                .scheduler(new ManualScheduler())
                .worker(new EchoProvider())
                .build();
        OperationEngine set =
            OperationEngine.builder()
                .discover(false)
                .locale(RU)
                .scheduler(new ManualScheduler())
                .worker(new EchoProvider())
                .build()) {
      assertThat(unset.textLanguage(List.of(EN))).isEmpty();
      assertThat(unset.textLanguage(List.of())).isEmpty();
      assertThat(set.textLanguage(List.of(EN))).hasValue(RU);
      assertThat(set.textLanguage(List.of())).hasValue(RU);
    }
  }

  @Test
  void a_stage_message_is_rendered_per_viewer() throws Exception {
    engine();
    OperationId id = engine.start(StartRequest.of("spoken-flight")).operation().id();
    gate.awaitArrivals(1);
    OperationSnapshot running = engine.status(id);
    Stage stage = new Stage(1, 2, "Этап 1", Message.of("flight.stage").with("n", 1));
    OperationSnapshot staged = running.withTexts(running.text(), stage);

    assertThat(engine.localize(staged, EN).stage().name()).isEqualTo("Stage 1");
    assertThat(engine.localize(staged, EN).text()).isEqualTo("Liftoff!");
  }

  @Test
  void a_missing_key_or_broken_pattern_shows_the_key_and_is_logged_once() throws Exception {
    List<LogRecord> logged = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (logged) {
              logged.add(record);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger("io.github.asyncops.core");
    logger.setLevel(java.util.logging.Level.WARNING);
    logger.addHandler(handler);
    try {
      engine(
          new Saying(gate, Message.of("no.such.key"), Message.of("flight.broken").with("oops", 1)));
      OperationId id = engine.start(StartRequest.of("saying")).operation().id();
      gate.awaitArrivals(1);
      gate.open(1);
      gate.awaitArrivals(1);
      OperationSnapshot missing = awaitText(id, "no.such.key");
      for (int i = 0; i < 3; i++) {
        assertThat(engine.localize(missing, EN).text()).isEqualTo("no.such.key");
        assertThat(engine.localize(missing, RU).text()).isEqualTo("no.such.key");
      }
      gate.open(1);
      gate.awaitArrivals(1);
      awaitText(id, "flight.broken");

      synchronized (logged) {
        assertThat(logged)
            .filteredOn(r -> r.getMessage().contains("'no.such.key'"))
            .hasSize(1)
            .first()
            .satisfies(r -> assertThat(r.getMessage()).contains("showing the key itself"));
        assertThat(logged).filteredOn(r -> r.getMessage().contains("'flight.broken'")).hasSize(1);
      }
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(null);
    }
  }

  /**
   * Reports the messages it is given, one per gate pass, from the {@code BrokenMessages} bundle,
   * whose Russian "flight.broken" pattern does not parse.
   */
  private static final class Saying implements WorkerProvider<Void> {
    private final Gate gate;
    private final Message[] reports;

    Saying(Gate gate, Message... reports) {
      this.gate = gate;
      this.reports = reports.clone();
    }

    @Override
    public String name() {
      return "saying";
    }

    @Override
    public String messages() {
      return "io.github.asyncops.core.testing.BrokenMessages";
    }

    @Override
    public Worker create(Void parameters) {
      return context -> {
        gate.pass(context);
        for (int i = 0; i < reports.length; i++) {
          context.report((i + 1) / 10.0, reports[i]);
          gate.pass(context);
        }
        return OperationResult.none();
      };
    }
  }
}
