package io.github.asyncops.compat.quarkus;

import io.github.asyncops.compat.FixtureAdmin;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds the test-only {@link FixtureAdmin}, beside the set-up that the adapter's README shows. Never
 * do this in an application: sign operators in with Quarkus Security instead.
 */
@Provider
public final class FixtureAdminFeature implements Feature {
  /** Creates the feature; Quarkus does. */
  public FixtureAdminFeature() {}

  @Override
  public boolean configure(FeatureContext context) {
    return new FixtureAdmin().configure(context);
  }
}
