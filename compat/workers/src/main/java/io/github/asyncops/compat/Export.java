package io.github.asyncops.compat;

import io.github.asyncops.core.InvalidParametersException;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.Scope;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import java.nio.charset.StandardCharsets;

/**
 * An export like the demo's CSV export: USER scope, so only its owner sees it, typed parameters
 * {@code {"rows": N}}, and a {@code text/csv} download as its result. Its own class, as this jar is
 * a plugin for the applications that the consumer stage builds outside the reactor: it depends on
 * core alone, and ends at once (the demo plugin's export paces itself for people to watch).
 */
public final class Export implements WorkerProvider<Export.Request> {
  /** The type's name. */
  public static final String NAME = "export";

  /** The download's file name. */
  public static final String FILE_NAME = "export.csv";

  /**
   * The parameters.
   *
   * @param rows how many rows to write, 1 to 1000
   */
  public record Request(int rows) {}

  /** Creates the type; {@link java.util.ServiceLoader} does. */
  public Export() {}

  /**
   * The file an export of {@code rows} rows produces.
   *
   * @param rows the number of rows
   * @return the CSV text
   */
  public static String csv(int rows) {
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
  public Scope scope() {
    return Scope.USER;
  }

  @Override
  public Class<Request> parameterType() {
    return Request.class;
  }

  @Override
  public void validate(Request request) {
    if (request == null || request.rows() < 1 || request.rows() > 1000) {
      throw new InvalidParametersException("rows", "must be from 1 to 1000");
    }
  }

  @Override
  public Worker create(Request request) {
    return context -> {
      context.progress(1, "Written");
      byte[] bytes = csv(request.rows()).getBytes(StandardCharsets.UTF_8);
      return OperationResult.download("text/csv", FILE_NAME, bytes);
    };
  }
}
