package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdapterContract;
import java.net.URI;

/** The contract on Quarkus REST, built from the staged release. */
final class QuarkusContractIT extends AdapterContract {
  @Override
  protected URI base() {
    return Apps.QUARKUS.base();
  }

  @Override
  protected boolean filtersStreams() {
    return false;
  }
}
