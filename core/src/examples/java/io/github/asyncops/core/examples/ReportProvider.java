package io.github.asyncops.core.examples;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;

/**
 * The README's "write your first worker" example, kept here so that it compiles and runs. The one
 * copy: core's tests compile it, and the other modules' tests get it from asyncops-test-support.
 */
public final class ReportProvider implements WorkerProvider<ReportProvider.Request> {

  /**
   * What the caller asks for.
   *
   * @param pages how many pages to render
   */
  public record Request(int pages) {}

  /** Creates the provider: what ServiceLoader calls. */
  public ReportProvider() {}

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
        if (context.stopRequested()) {
          return OperationResult.none();
        }
        report.append("page ").append(page).append('\n');
        context.progress((double) page / request.pages(), "Rendered " + page + " pages");
      }
      return OperationResult.of(report.toString());
    };
  }
}
