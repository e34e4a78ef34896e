package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import java.nio.charset.StandardCharsets;

/**
 * A report of N pages, downloaded as text. The test application declares it as a bean and it is
 * also listed in {@code META-INF/services}, so the starter must take it once.
 */
public final class ReportProvider implements WorkerProvider<ReportProvider.Request> {
  /**
   * The report's parameters.
   *
   * @param pages how many pages
   */
  public record Request(int pages) {}

  @Override
  public String name() {
    return "report";
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
  public Worker create(Request request) {
    return context -> {
      StringBuilder report = new StringBuilder();
      for (int page = 1; page <= request.pages(); page++) {
        report.append("page ").append(page).append('\n');
        context.progress((double) page / request.pages(), "Rendered " + page + " pages");
      }
      return OperationResult.download(
          "text/plain", "report.txt", report.toString().getBytes(StandardCharsets.UTF_8));
    };
  }
}
