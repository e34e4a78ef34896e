/**
 * An application on the module path: one worker, served over JAX-RS on Grizzly, with a JDBC store.
 */
module io.github.asyncops.compat.modules {
  requires transitive io.github.asyncops.core;
  requires io.github.asyncops.jaxrs;
  requires io.github.asyncops.store.jdbc;
  requires io.github.asyncops.grizzly;

  exports io.github.asyncops.compat.modules;

  // Welcome's message bundles live in this package; the engine reads them on this module's behalf.
  opens io.github.asyncops.compat.modules to
      io.github.asyncops.core;

  provides io.github.asyncops.core.spi.WorkerProvider with
      io.github.asyncops.compat.modules.Greeting,
      io.github.asyncops.compat.modules.Welcome;
}
