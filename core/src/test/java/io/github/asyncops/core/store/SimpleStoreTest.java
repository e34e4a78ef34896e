package io.github.asyncops.core.store;

import io.github.asyncops.core.spi.OperationStore;
import io.github.asyncops.testing.AdminQueryContract;
import io.github.asyncops.testing.MessageStoreContract;
import io.github.asyncops.testing.OperationStoreContract;

/**
 * Runs the store contract against {@link SimpleStore}, a store written from the SPI's javadoc in
 * one screen: if the SPI asked for more than its javadoc says, this would fail. Its summary is the
 * SPI's default, read through {@code list}, so the operator console's contract checks that default.
 * It keeps messages, a failure's error message included, in the records it holds.
 */
final class SimpleStoreTest extends OperationStoreContract
    implements AdminQueryContract, MessageStoreContract {

  @Override
  protected OperationStore newStore() {
    return new SimpleStore();
  }

  @Override
  public OperationStore newAdminStore() {
    return new SimpleStore();
  }
}
