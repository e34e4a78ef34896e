package io.github.asyncops.core.store;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.testing.OperationStoreContract;

/**
 * Runs the store contract against {@link SimpleStore}, a store written from the SPI's javadoc in
 * one screen: if the SPI asked for more than its javadoc says, this would fail.
 */
final class SimpleStoreTest extends OperationStoreContract {

  @Override
  protected OperationStore newStore() {
    return new SimpleStore();
  }
}
