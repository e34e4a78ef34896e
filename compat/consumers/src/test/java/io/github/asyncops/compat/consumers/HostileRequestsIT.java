package io.github.asyncops.compat.consumers;

import io.github.asyncops.compat.HostileRequests;
import io.github.asyncops.compat.RawHttp;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated hostile and sloppy requests against every consumer application: each answer is a
 * success or a problem, never a Java name, a stack trace or a container's HTML page. Grizzly with
 * {@code asyncops-grizzly} also gets URIs that no parser accepts.
 */
final class HostileRequestsIT {
  private static final String BASE = "/api/operations";

  @Property(tries = 400)
  void jersey(@ForAll("malformedUris") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.JERSEY.port()), request);
  }

  @Property(tries = 400)
  void resteasy(@ForAll("wellFormedUris") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.RESTEASY.port()), request);
  }

  @Property(tries = 400)
  void spring_boot(@ForAll("wellFormedUris") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.SPRING_BOOT.port()), request);
  }

  @Property(tries = 400)
  void quarkus(@ForAll("wellFormedUris") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.QUARKUS.port()), request);
  }

  @Property(tries = 400)
  void starter(@ForAll("wellFormedUris") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.STARTER.port()), request);
  }

  @Property(tries = 400)
  void demo(@ForAll("malformedUris") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(Apps.DEMO.port()), request);
  }

  @Provide
  Arbitrary<HostileRequests.Request> malformedUris() {
    return HostileRequests.against(BASE, true);
  }

  @Provide
  Arbitrary<HostileRequests.Request> wellFormedUris() {
    return HostileRequests.against(BASE, false);
  }
}
