package io.github.asyncops.messages.icu;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.StartRequest;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.testing.ManualScheduler;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * ICU4J's plurals in Russian and English, durations as seconds, and an engine that finds this
 * renderer through {@link java.util.ServiceLoader} without being told.
 */
final class IcuMessageRendererTest {
  private static final Locale RU = Locale.forLanguageTag("ru");
  private static final String LEFT_RU =
      "Осталось {left, plural, one{# секунда} few{# секунды} many{# секунд} other{# секунды}}";

  private final IcuMessageRenderer renderer = new IcuMessageRenderer();

  private String left(long seconds, String pattern, Locale locale) {
    return renderer.format(pattern, Message.of("left").with("left", seconds), locale);
  }

  @Test
  void russian_plurals_follow_cldr() {
    assertThat(left(1, LEFT_RU, RU)).isEqualTo("Осталось 1 секунда");
    assertThat(left(2, LEFT_RU, RU)).isEqualTo("Осталось 2 секунды");
    assertThat(left(5, LEFT_RU, RU)).isEqualTo("Осталось 5 секунд");
    assertThat(left(21, LEFT_RU, RU)).isEqualTo("Осталось 21 секунда");
    assertThat(left(12, LEFT_RU, RU)).isEqualTo("Осталось 12 секунд");
  }

  @Test
  void a_duration_counts_its_whole_seconds() {
    Message message = Message.of("left").with("left", Duration.ofMillis(3_900));

    assertThat(renderer.format(LEFT_RU, message, RU)).isEqualTo("Осталось 3 секунды");
  }

  private static final CountDownLatch LANDED = new CountDownLatch(1);

  /** A provider whose one worker starts with a plural message and runs until the test ends. */
  public static final class Countdown implements WorkerProvider<Void> {
    /** Creates the provider. */
    public Countdown() {}

    @Override
    public String name() {
      return "countdown";
    }

    @Override
    public String messages() {
      return "io.github.asyncops.messages.icu.Countdown";
    }

    @Override
    public Worker create(Void parameters) {
      return new Worker() {
        @Override
        public Message startMessage() {
          return Message.of("left").with("left", 5);
        }

        @Override
        public OperationResult run(io.github.asyncops.core.spi.WorkerContext context)
            throws InterruptedException {
          LANDED.await();
          return OperationResult.none();
        }
      };
    }
  }

  @Test
  void an_engine_finds_the_renderer_on_its_own_and_renders_plurals_per_viewer() {
    try (OperationEngine engine =
        OperationEngine.builder()
            .discover(false)
            .scheduler(new ManualScheduler())
            .locale(RU)
            .stopGrace(Duration.ofMillis(100))
            .worker(new Countdown())
            .build()) {
      OperationSnapshot started = engine.start(StartRequest.of("countdown")).operation();

      assertThat(started.text()).isEqualTo("Осталось 5 секунд");
      assertThat(engine.localize(started, Locale.ENGLISH).text()).isEqualTo("5 seconds left");
      LANDED.countDown();
    }
  }
}
