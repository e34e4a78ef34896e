package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdminContract;
import io.github.asyncops.compat.FixtureAdmin;
import java.net.URI;

/** The admin contract on Quarkus REST, built from the staged release, with the test-only admin. */
final class QuarkusAdminContractIT extends AdminContract {
  @Override
  protected URI base() {
    return Apps.QUARKUS.base();
  }

  @Override
  protected String adminAuthorization() {
    return FixtureAdmin.AUTHORIZATION;
  }
}
