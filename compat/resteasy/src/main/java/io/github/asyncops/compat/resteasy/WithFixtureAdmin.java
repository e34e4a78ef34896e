package io.github.asyncops.compat.resteasy;

import io.github.asyncops.compat.FixtureAdmin;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;

/**
 * {@link RestApi}, as the adapter's README shows it, with the test-only {@link FixtureAdmin} added:
 * what {@link Main} deploys. Never do this in an application.
 */
@ApplicationPath("api")
public final class WithFixtureAdmin extends Application {
  private final Application api;

  /**
   * Wraps an application.
   *
   * @param api the application to serve
   */
  public WithFixtureAdmin(Application api) {
    this.api = api;
  }

  @Override
  public Set<Class<?>> getClasses() {
    return api.getClasses();
  }

  @Override
  @SuppressWarnings("deprecation") // as RestApi: the portable way to hand over configured features
  public Set<Object> getSingletons() {
    Set<Object> singletons = new HashSet<>(api.getSingletons());
    singletons.add(new FixtureAdmin());
    return singletons;
  }
}
