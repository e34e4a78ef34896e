package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdapterContract;
import java.net.URI;

/** The contract on the Spring Boot starter, in memory, built from the staged release. */
final class StarterContractIT extends AdapterContract {
  @Override
  protected URI base() {
    return Apps.STARTER.base();
  }
}
