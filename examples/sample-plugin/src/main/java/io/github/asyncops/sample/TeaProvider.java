package io.github.asyncops.sample;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.Settings;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tea timer, one per user: it steeps for {@code steep-seconds} (1 to 600, default 6), reporting
 * each second, and says when the tea is ready. Speaks {@code lang} {@code ru} (the default) or
 * {@code en}. Nothing in the demo names it: dropped into {@code --plugins}, it gets a bar.
 */
public final class TeaProvider implements WorkerProvider<Void> {
  private int seconds = 6;
  private boolean english;

  /** Creates the type with its defaults, as ServiceLoader does. */
  public TeaProvider() {}

  @Override
  public String name() {
    return "tea";
  }

  @Override
  public void configure(ProviderContext context) {
    Settings settings = context.settings();
    seconds = settings.integer("steep-seconds", seconds, 1, 600);
    String lang = settings.string("lang", "ru").toLowerCase(Locale.ROOT);
    if (!lang.equals("ru") && !lang.equals("en")) {
      throw settings.invalid("lang", "must be ru or en");
    }
    english = lang.equals("en");
  }

  @Override
  public String title() {
    return english ? "Tea timer" : "Чайный таймер";
  }

  @Override
  public Worker create(Void parameters) {
    CountDownLatch stop = new CountDownLatch(1);
    return new Worker() {
      @Override
      public String start() {
        return english ? "Kettle on" : "Чайник поставлен";
      }

      @Override
      public OperationResult run(WorkerContext context) throws InterruptedException {
        for (int second = 1; second <= seconds; second++) {
          stop.await(1, TimeUnit.SECONDS);
          if (context.stopRequested()) {
            return OperationResult.none();
          }
          String text =
              second == seconds
                  ? (english ? "Tea is ready" : "Чай готов")
                  : (english ? "Steeping: " : "Заваривается: ") + second + "/" + seconds;
          context.progress((double) second / seconds, text);
        }
        return OperationResult.none();
      }

      @Override
      public String stop() {
        stop.countDown();
        return english ? "Poured away" : "Чай вылит";
      }
    };
  }
}
