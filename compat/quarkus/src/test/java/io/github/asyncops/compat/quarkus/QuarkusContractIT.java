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
}
