package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Another base path: a subclass of {@link OperationsResource} with its own {@code @Path}, under an
 * application path. Links, {@code Location} and the base-scoped behaviour follow it.
 */
final class BasePathTest extends GrizzlyTest {

  /** The resources at {@code api/jobs}. */
  @Path("api/jobs")
  public static class JobsResource extends OperationsResource {}

  /** A subclass whose path is a template, which cannot be a base. */
  @Path("{tenant}/jobs")
  public static class TemplateResource extends OperationsResource {}

  /** A subclass that the feature cannot create. */
  @Path("tenant/jobs")
  public static class TenantResource extends OperationsResource {
    /**
     * Creates it.
     *
     * @param tenant the tenant
     */
    public TenantResource(String tenant) {}
  }

  BasePathTest() {
    super(new Harness(adapter -> adapter.resource(JobsResource.class)));
  }

  @Override
  protected URI getBaseUri() {
    return URI.create("http://localhost:9998/app/");
  }

  @Test
  void links_and_location_follow_the_application_and_base_paths() {
    Response response = post("api/jobs/missile-launch", "{}");

    assertThat(response.getStatus()).isEqualTo(202);
    JsonNode status = Http.json(response);
    String self = "/app/api/jobs/missile-launch/" + status.path("id").asText();
    assertThat(status.path("links").path("self").asText()).isEqualTo(self);
    assertThat(status.path("links").path("events").asText()).isEqualTo(self + "/events");
    assertThat(response.getLocation()).hasToString("http://localhost:9998" + self);
    assertThat(call(self.substring("/app/".length())).get().getStatus()).isEqualTo(200);
  }

  @Test
  void only_the_new_base_is_served_and_guarded() {
    Response old = target("operations").request().get();

    assertThat(old.getStatus()).isEqualTo(404);
    assertThat(old.getHeaderString("Content-Type")).isNotEqualTo("application/problem+json");
    Http.problem(target("api/jobs/x/y/z/w").request().get(), 404, null, "Not Found", "nothing");
    Http.problem(
        target("api/jobs/missile-launch").request().post(null),
        403,
        "cross-site-request",
        "Cross-site request refused",
        "X-Requested-With");
  }

  @Test
  void a_template_path_is_refused_when_building() {
    AsyncOpsFeature.Builder builder = AsyncOpsFeature.builder(harness.engine);

    assertThatThrownBy(() -> builder.resource(TemplateResource.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a literal path");
  }

  @Test
  void a_subclass_without_a_public_no_argument_constructor_is_refused_when_building() {
    AsyncOpsFeature.Builder builder = AsyncOpsFeature.builder(harness.engine);

    assertThatThrownBy(() -> builder.resource(TenantResource.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TenantResource.class.getName())
        .hasMessageContaining("public constructor without parameters");
  }
}
