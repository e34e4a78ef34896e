/** A sample worker plugin: a tea timer. */
module io.github.asyncops.sample {
  requires io.github.asyncops.core;

  provides io.github.asyncops.core.spi.WorkerProvider with
      io.github.asyncops.sample.TeaProvider;
}
