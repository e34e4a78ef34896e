package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdminContract;
import io.github.asyncops.compat.FixtureAdmin;
import java.net.URI;

/**
 * The admin contract on Jersey 4 and Grizzly, built from the staged release, with the test-only
 * admin.
 */
final class JerseyAdminContractIT extends AdminContract {
  @Override
  protected URI base() {
    return Apps.JERSEY.base();
  }

  @Override
  protected String adminAuthorization() {
    return FixtureAdmin.AUTHORIZATION;
  }
}
