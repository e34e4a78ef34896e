package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.AdminContract;
import io.github.asyncops.compat.FixtureAdmin;
import java.net.URI;

/**
 * The admin contract on Spring Boot 4 with its Jersey starter, built from the staged release, with
 * the test-only admin.
 */
final class SpringBootAdminContractIT extends AdminContract {
  @Override
  protected URI base() {
    return Apps.SPRING_BOOT.base();
  }

  @Override
  protected String adminAuthorization() {
    return FixtureAdmin.AUTHORIZATION;
  }
}
