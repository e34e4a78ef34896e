package io.github.asyncops.compat.jersey;

import io.github.asyncops.compat.FixtureAdmin;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Adds the test-only {@link FixtureAdmin} to the application that {@link JerseyServer} configures,
 * through Jersey's auto-discovery, so that the set-up the adapter's README shows stays exactly what
 * users write. Never do this in an application.
 */
public final class FixtureAdminDiscovery implements AutoDiscoverable {
  /** Creates the discoverable; Jersey does. */
  public FixtureAdminDiscovery() {}

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(FixtureAdmin.class)) {
      context.register(FixtureAdmin.class);
    }
  }
}
