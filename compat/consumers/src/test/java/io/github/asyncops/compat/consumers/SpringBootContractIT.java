package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdapterContract;
import java.net.URI;

/** The contract on Spring Boot 4 with its Jersey starter, built from the staged release. */
final class SpringBootContractIT extends AdapterContract {
  @Override
  protected URI base() {
    return Apps.SPRING_BOOT.base();
  }
}
