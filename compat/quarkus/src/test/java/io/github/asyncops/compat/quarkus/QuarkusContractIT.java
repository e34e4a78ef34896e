package io.github.asyncops.compat.quarkus;

import io.github.asyncops.compat.AdapterContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;

/** The contract on Quarkus REST, on a free port. */
@QuarkusTest
class QuarkusContractIT extends AdapterContract {
  @TestHTTPResource("/api/operations")
  URL base;

  @Override
  protected URI base() {
    return URI.create(base.toString());
  }

  /** Quarkus REST sends a 405 without {@code Allow}. */
  @Override
  protected boolean sendsAllowWith405() {
    return false;
  }

  /** Quarkus REST leaves a path that matches no resource method to Vert.x. */
  @Override
  protected boolean unknownPathsReachJaxrs() {
    return false;
  }
}
