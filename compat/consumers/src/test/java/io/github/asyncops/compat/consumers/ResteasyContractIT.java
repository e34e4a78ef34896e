package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdapterContract;
import java.net.URI;

/** The contract on RESTEasy 7 and Undertow, built from the staged release. */
final class ResteasyContractIT extends AdapterContract {
  @Override
  protected URI base() {
    return Apps.RESTEASY.base();
  }
}
