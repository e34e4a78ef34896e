package io.github.asyncops.demo;

import io.github.asyncops.core.InvalidParametersException;
import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A CSV export: what integrators need most. It takes parameters (a row count), reports "Exported N
 * of M rows", and offers the file as a download at the end. One export per user (USER scope).
 *
 * <p>Settings: {@code pause} (how long each batch of 50 rows takes, so the export can be watched;
 * default {@code 100ms}) and {@code lang} ({@code ru}, the default, or {@code en}).
 */
public final class CsvExportProvider implements WorkerProvider<CsvExportProvider.Request> {
  /** The most rows one export may have. */
  public static final int MAX_ROWS = 100_000;

  /** Rows written between two progress reports. */
  static final int BATCH = 50;

  /**
   * The export's parameters.
   *
   * @param rows how many rows to export, 1 to {@link #MAX_ROWS}
   */
  public record Request(Integer rows) {}

  private Duration pausePerBatch = Duration.ofMillis(100);
  private Texts texts = Texts.RU;

  /** Creates the type with its defaults, as ServiceLoader does. */
  public CsvExportProvider() {}

  @Override
  public String name() {
    return "csv-export";
  }

  @Override
  public void configure(ProviderContext context) {
    pausePerBatch = context.settings().duration("pause", pausePerBatch);
    texts = Texts.from(context.settings());
  }

  @Override
  public String messages() {
    return Texts.BUNDLE;
  }

  @Override
  public String title() {
    return texts.exportTitle;
  }

  @Override
  public Scope scope() {
    return Scope.USER;
  }

  @Override
  public Class<Request> parameterType() {
    return Request.class;
  }

  @Override
  public void validate(Request request) {
    if (request == null || request.rows() == null) {
      throw new InvalidParametersException("rows", "is required");
    }
    if (request.rows() < 1 || request.rows() > MAX_ROWS) {
      throw new InvalidParametersException(
          "rows", "must be between 1 and " + MAX_ROWS + ", was " + request.rows());
    }
  }

  @Override
  public Worker create(Request request) {
    return new Export(request.rows());
  }

  /** One export. */
  private final class Export implements Worker {
    private final int rows;
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    Export(int rows) {
      this.rows = rows;
    }

    @Override
    public Message startMessage() {
      return exported(0);
    }

    private Message exported(int row) {
      return Message.of("export.progress").with("rows", row).with("of", rows);
    }

    @Override
    public OperationResult run(WorkerContext context) throws InterruptedException {
      StringBuilder csv = new StringBuilder("id,name,amount\n");
      for (int row = 1; row <= rows; row++) {
        csv.append(row).append(",item-").append(row).append(',').append(row * 10).append('\n');
        if (row % BATCH == 0 || row == rows) {
          context.report((double) row / rows, exported(row));
          stopSignal.await(pausePerBatch.toNanos(), TimeUnit.NANOSECONDS);
          if (context.stopRequested()) {
            return OperationResult.none();
          }
        }
      }
      return OperationResult.download(
          "text/csv; charset=utf-8", "export.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String stop() {
      stopSignal.countDown();
      return null;
    }
  }
}
