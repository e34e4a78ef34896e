package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdapterContract;
import java.net.URI;

/**
 * The contract on the Spring Boot starter and the JDBC store on PostgreSQL, built from the staged
 * release.
 */
final class StarterJdbcContractIT extends AdapterContract {
  @Override
  protected URI base() {
    return Apps.STARTER_JDBC.base();
  }
}
