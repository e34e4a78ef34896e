/** The ${typeName} operation type as an asyncops worker plugin. */
module ${package} {
  requires io.github.asyncops.core;

  // The Messages bundles live in this package; the engine reads them on this module's behalf.
  opens ${package} to
      io.github.asyncops.core;

  provides io.github.asyncops.core.spi.WorkerProvider with
      ${package}.${providerClass};
}
