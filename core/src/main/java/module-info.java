/**
 * asyncops core: the engine that runs, tracks, stops and forgets background operations, the worker
 * SPI that integrators implement, and the store SPI with its in-memory default. Start at {@link
 * io.github.asyncops.core.OperationEngine}.
 */
module io.github.asyncops.core {
  exports io.github.asyncops.core;
  exports io.github.asyncops.core.spi;
  exports io.github.asyncops.core.store;

  uses io.github.asyncops.core.spi.WorkerProvider;
  uses io.github.asyncops.core.spi.MessageRenderer;
}
