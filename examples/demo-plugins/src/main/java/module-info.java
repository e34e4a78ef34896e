/**
 * The demo's operation types as a plugin: the seed's missile launch and a CSV export, found by
 * {@link java.util.ServiceLoader} through {@code provides} here and {@code META-INF/services} on
 * the class path.
 */
module io.github.asyncops.demo {
  requires transitive io.github.asyncops.core;

  exports io.github.asyncops.demo;

  // The Messages bundles live in this package; the engine reads them on this module's behalf.
  opens io.github.asyncops.demo to
      io.github.asyncops.core;

  provides io.github.asyncops.core.spi.WorkerProvider with
      io.github.asyncops.demo.MissileLaunchProvider,
      io.github.asyncops.demo.CsvExportProvider;
}
