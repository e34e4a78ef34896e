package io.github.asyncops.jaxrs;

import io.github.asyncops.core.OperationType;
import org.junit.jupiter.api.Test;

/** A failure nobody planned for (here, an access policy that throws) is a 500 problem. */
final class InternalErrorTest extends GrizzlyTest {

  InternalErrorTest() {
    super(
        new Harness(
            adapter ->
                adapter.accessPolicy(
                    new AccessPolicy() {
                      @Override
                      public boolean mayStart(Caller caller, OperationType type) {
                        throw new IllegalStateException("the directory is down");
                      }
                    })));
  }

  @Test
  void an_unexpected_failure_answers_500_without_details() {
    Http.problem(
        post("operations/missile-launch", "{}"),
        500,
        null,
        "Internal Server Error",
        "the server failed to handle the request; its log has the details");
  }
}
