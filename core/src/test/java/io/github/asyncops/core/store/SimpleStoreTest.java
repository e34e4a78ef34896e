package io.github.asyncops.core.store;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.testing.AdminQueryContract;
import io.github.asyncops.testing.OperationStoreContract;

/**
 * Runs the store contract against {@link SimpleStore}, a store written from the SPI's javadoc in
 * one screen: if the SPI asked for more than its javadoc says, this would fail. Its summary is the
 * SPI's default, read through {@code list}, so the operator console's contract checks that default.
 */
final class SimpleStoreTest extends OperationStoreContract implements AdminQueryContract {

  @Override
  protected OperationStore newStore() {
    return new SimpleStore();
  }

  @Override
  public OperationStore newAdminStore() {
    return new SimpleStore();
  }
}
