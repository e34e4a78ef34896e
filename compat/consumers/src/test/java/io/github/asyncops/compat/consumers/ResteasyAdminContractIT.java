package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdminContract;
import io.github.asyncops.compat.FixtureAdmin;
import java.net.URI;

/**
 * The admin contract on RESTEasy 7 and Undertow, built from the staged release, with the test-only
 * admin.
 */
final class ResteasyAdminContractIT extends AdminContract {
  @Override
  protected URI base() {
    return Apps.RESTEASY.base();
  }

  @Override
  protected String adminAuthorization() {
    return FixtureAdmin.AUTHORIZATION;
  }
}
