package io.github.asyncops.compat.boot;

import io.github.asyncops.compat.AdapterContract;
import java.net.URI;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The contract on Spring Boot 4, its Jersey starter and Tomcat, on a free port. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
final class BootContractIT extends AdapterContract {
  @LocalServerPort private int port;

  @Override
  protected URI base() {
    return URI.create("http://localhost:" + port + "/api/operations");
  }
}
