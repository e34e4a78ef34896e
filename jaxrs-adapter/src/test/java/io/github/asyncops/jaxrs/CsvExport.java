package io.github.asyncops.jaxrs;

import io.github.asyncops.core.InvalidParametersException;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import io.github.asyncops.testing.Gate;
import java.nio.charset.StandardCharsets;

/**
 * The demo's CSV export: USER scope, typed parameters {@code {"rows": N}}, and a {@code text/csv}
 * download. Each run waits once at a {@link Gate} before it writes the file.
 *
 * <p>Not the demo plugin's {@code CsvExportProvider}, which paces itself in real time for people to
 * watch, nor compat's {@code Export}, a plugin jar for applications outside the reactor that can
 * carry no test kit: the adapter's tests need a run that ends when the test opens the gate.
 */
final class CsvExport implements WorkerProvider<CsvExport.Params> {
  static final String NAME = "csv-export";
  static final int MAX_ROWS = 100_000;

  private final Gate gate;

  /**
   * The parameters.
   *
   * @param rows how many data rows to write, 1 to {@link #MAX_ROWS}
   */
  record Params(int rows) {}

  CsvExport(Gate gate) {
    this.gate = gate;
  }

  /** The file a run with {@code rows} rows produces. */
  static String csv(int rows) {
    StringBuilder csv = new StringBuilder("n,square\n");
    for (int n = 1; n <= rows; n++) {
      csv.append(n).append(',').append(n * n).append('\n');
    }
    return csv.toString();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String title() {
    return "CSV export";
  }

  @Override
  public Scope scope() {
    return Scope.USER;
  }

  @Override
  public Class<Params> parameterType() {
    return Params.class;
  }

  @Override
  public void validate(Params parameters) {
    if (parameters == null) {
      throw new InvalidParametersException("rows", "is required");
    }
    if (parameters.rows() < 1 || parameters.rows() > MAX_ROWS) {
      throw new InvalidParametersException("rows", "must be from 1 to " + MAX_ROWS);
    }
  }

  @Override
  public Worker create(Params parameters) {
    return context -> {
      if (!gate.pass(context)) {
        return OperationResult.none();
      }
      context.progress(1, "Готово");
      byte[] bytes = csv(parameters.rows()).getBytes(StandardCharsets.UTF_8);
      return OperationResult.download("text/csv", "export.csv", bytes);
    };
  }
}
