/** The ${typeName} operation type as an asyncops worker plugin. */
module ${package} {
  requires io.github.asyncops.core;

  provides io.github.asyncops.core.spi.WorkerProvider with
      ${package}.${providerClass};
}
