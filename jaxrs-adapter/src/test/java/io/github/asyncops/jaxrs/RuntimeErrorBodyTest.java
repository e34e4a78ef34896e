package io.github.asyncops.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * An error that the runtime answers with a body of its own under the adapter's base becomes a
 * problem too: RESTEasy answers an {@code Accept} it cannot parse with a {@code text/plain} body
 * that names its message code ({@code RESTEASY003545}). A pre-matching filter plays that runtime
 * here.
 */
final class RuntimeErrorBodyTest extends GrizzlyTest {
  RuntimeErrorBodyTest() {
    super(new Harness(), new RuntimeLikeRefusal());
  }

  @Test
  void a_runtime_error_with_a_plain_text_body_answers_a_problem_without_its_text() {
    Http.problem(
        target("operations/missile-launch").request().header("X-Refuse", "yes").get(),
        400,
        null,
        "Bad Request",
        "Bad Request");
  }

  /** Refuses a request the way RESTEasy does, with its own text. */
  @PreMatching
  static final class RuntimeLikeRefusal implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getHeaderString("X-Refuse") != null) {
        request.abortWith(
            Response.status(400)
                .entity("RESTEASY003545: MediaType q parameter must be a float: x/y")
                .type(MediaType.TEXT_PLAIN_TYPE)
                .build());
      }
    }
  }
}
