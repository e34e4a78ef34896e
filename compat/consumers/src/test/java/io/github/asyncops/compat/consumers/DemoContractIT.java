package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdapterContract;
import java.net.URI;

/** The contract on the demo, with the contract's workers and the archetype's plugin dropped in. */
final class DemoContractIT extends AdapterContract {
  @Override
  protected URI base() {
    return Apps.DEMO.base();
  }
}
