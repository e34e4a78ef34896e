package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdapterContract;
import java.net.URI;

/** The contract on Jersey 4 and Grizzly, built from the staged release. */
final class JerseyContractIT extends AdapterContract {
  @Override
  protected URI base() {
    return Apps.JERSEY.base();
  }
}
