package io.github.asyncops.spring.boot;

import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.spi.ProviderContext;
import io.github.asyncops.core.spi.Worker;
import io.github.asyncops.core.spi.WorkerProvider;
import java.time.ZoneId;
import javax.sql.DataSource;

/**
 * A discovered provider that needs the {@link DataSource} service and takes a {@link ZoneId} if
 * there is one; its title names both.
 */
public final class LedgerProvider implements WorkerProvider<Void> {
  private String title;

  @Override
  public String name() {
    return "ledger";
  }

  @Override
  public void configure(ProviderContext context) {
    DataSource dataSource = context.service(DataSource.class);
    title =
        "Ledger on "
            + dataSource
            + context.findService(ZoneId.class).map(zone -> " in " + zone).orElse("");
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public Worker create(Void parameters) {
    return context -> OperationResult.none();
  }
}
