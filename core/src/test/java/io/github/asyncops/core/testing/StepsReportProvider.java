package io.github.asyncops.core.testing;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import javax.sql.DataSource;

/**
 * A discoverable "report" type configured as the README's "Write a plugin" describes: a {@code
 * steps} setting from 1 to 1000 and the application's {@link DataSource}. Its operations succeed
 * with "N steps from" and the data source.
 */
public final class StepsReportProvider implements WorkerProvider<Void> {
  private int steps;
  private DataSource dataSource;

  /** Creates the provider, as ServiceLoader does. */
  public StepsReportProvider() {}

  @Override
  public String name() {
    return "report";
  }

  @Override
  public void configure(ProviderContext context) {
    steps = context.settings().integer("steps", 5, 1, 1000);
    dataSource = context.service(DataSource.class);
  }

  @Override
  public Worker create(Void parameters) {
    String text = steps + " steps from " + dataSource;
    return context -> OperationResult.of(text);
  }
}
