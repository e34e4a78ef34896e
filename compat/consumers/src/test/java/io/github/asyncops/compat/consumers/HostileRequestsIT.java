package io.github.asyncops.compat.consumers;

import io.github.asyncops.testsupport.HostileRequests;
import io.github.asyncops.testsupport.RawHttp;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated hostile and sloppy requests against every consumer application: each answer is a
 * success or a problem, never a Java name, a stack trace or a container's HTML page. Grizzly with
 * {@code asyncops-grizzly} (the Jersey set-up and the demo) also gets what only a container sees:
 * URIs that no parser accepts, dot segments, header values that are no media types.
 */
final class HostileRequestsIT {
  private static final String BASE = "/api/operations";

  /** The contract's operation types (compat/workers), served by every application here. */
  private static final List<String> TYPES = List.of("flight", "export");

  @Property(tries = 400)
  void jersey(@ForAll("container") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.JERSEY.port()), request);
  }

  @Property(tries = 400)
  void resteasy(@ForAll("jaxRs") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.RESTEASY.port()), request);
  }

  @Property(tries = 400)
  void spring_boot(@ForAll("jaxRs") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.SPRING_BOOT.port()), request);
  }

  @Property(tries = 400)
  void quarkus(@ForAll("jaxRs") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.QUARKUS.port()), request);
  }

  @Property(tries = 400)
  void starter(@ForAll("jaxRs") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.STARTER.port()), request);
  }

  @Property(tries = 400)
  void demo(@ForAll("container") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.DEMO.port()), request);
  }

  @Provide
  Arbitrary<HostileRequests.Request> container() {
    return HostileRequests.against(BASE, HostileRequests.Reach.CONTAINER, TYPES);
  }

  @Provide
  Arbitrary<HostileRequests.Request> jaxRs() {
    return HostileRequests.against(BASE, HostileRequests.Reach.JAX_RS, TYPES);
  }
}
