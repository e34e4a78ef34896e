package io.github.asyncops.example;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.asyncops.core.InvalidParametersException;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerContext;
import io.github.asyncops.core.spi.WorkerProvider;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A plugin with parameters, one of them required, that {@link PluginParametersIT} drops into the
 * demo's {@code --plugins}: printing {@code pages} copies of a {@code title}, one page a tick. Its
 * services file exists only in the jar that test builds, so no other demo finds it.
 */
public final class PrintProvider implements WorkerProvider<PrintProvider.Job> {
  /**
   * What to print.
   *
   * @param pages how many pages, 1 to 20; required
   * @param title the document's title, or null for "untitled"
   * @param duplex whether to print on both sides
   */
  public record Job(@JsonProperty(required = true) Integer pages, String title, Boolean duplex) {}

  /** Creates the type, as ServiceLoader does. */
  public PrintProvider() {}

  @Override
  public String name() {
    return "print";
  }

  @Override
  public String title() {
    return "Print";
  }

  @Override
  public Class<Job> parameterType() {
    return Job.class;
  }

  @Override
  public void validate(Job job) {
    if (job == null || job.pages() == null) {
      throw new InvalidParametersException("pages", "is required");
    }
    if (job.pages() < 1 || job.pages() > 20) {
      throw new InvalidParametersException("pages", "must be between 1 and 20");
    }
  }

  @Override
  public Worker create(Job job) {
    String what =
        (job.title() == null ? "untitled" : job.title())
            + (Boolean.TRUE.equals(job.duplex()) ? ", duplex" : "");
    CountDownLatch stopSignal = new CountDownLatch(1);
    return new Worker() {
      @Override
      public String start() {
        return "Printing " + what;
      }

      @Override
      public OperationResult run(WorkerContext context) throws InterruptedException {
        for (int page = 1; page <= job.pages(); page++) {
          // A page takes 200 ms, unless a stop cuts it short.
          stopSignal.await(200, TimeUnit.MILLISECONDS);
          if (context.stopRequested()) {
            return OperationResult.none();
          }
          context.progress(
              (double) page / job.pages(),
              "Printed " + page + " of " + job.pages() + " pages of " + what);
        }
        return OperationResult.none();
      }

      @Override
      public String stop() {
        stopSignal.countDown();
        return "Cancelled";
      }
    };
  }
}
