package io.github.asyncops.compat.boot;

import io.github.asyncops.compat.FixtureAdmin;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.jersey.autoconfigure.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds the test-only {@link FixtureAdmin} to the Jersey application of {@link BootApi}, which stays
 * exactly the set-up the adapter's README shows. Never do this in an application: sign operators
 * in with Spring Security instead.
 */
@Component
public class FixtureAdminCustomizer implements ResourceConfigCustomizer {
  /** For Spring. */
  public FixtureAdminCustomizer() {}

  @Override
  public void customize(ResourceConfig config) {
    config.register(new FixtureAdmin());
  }
}
