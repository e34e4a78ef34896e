package io.github.asyncops.example;

import io.github.asyncops.testsupport.HostileRequests;
import io.github.asyncops.testsupport.RawHttp;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile requests against the demo in the reactor (issue 21), from the one generator
 * that the consumer stage also runs against every application ({@link HostileRequests}): malformed
 * paths and queries with broken and forbidden {@code %}-escapes, dot segments and characters that
 * must be escaped, sent as raw bytes, with hostile headers and bodies, through the demo's own
 * operation types. Every answer is a 2xx, 3xx or 4xx, and each 4xx a problem+json with {@code
 * X-Content-Type-Options: nosniff} and {@code Cache-Control: no-store}, whether the adapter or
 * Grizzly (through asyncops-grizzly) answers it. Before the fix, about one such answer in five from
 * Grizzly lacked both headers. The adapter's {@code MalformedRequestsIT} covers methods, headers
 * and bodies on the adapter alone.
 */
final class HostileRequestsIT {
  private static DemoServer server;

  @BeforeContainer
  static void start() {
    server = DemoServer.start(DemoOptions.defaults().withPort(0));
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 1000)
  void every_answer_is_a_success_or_a_problem_with_the_adapter_headers(
      @ForAll("requests") HostileRequests.Request request) {
    HostileRequests.assertAnswered(new RawHttp(server.port()), request);
  }

  @Provide
  Arbitrary<HostileRequests.Request> requests() {
    return HostileRequests.against(
        "/api/operations",
        HostileRequests.Reach.CONTAINER,
        List.of("missile-launch", "csv-export"));
  }
}
