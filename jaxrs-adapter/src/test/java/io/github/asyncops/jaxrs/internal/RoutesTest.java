package io.github.asyncops.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.jaxrs.OperationsResource;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link Routes} reads the resource's templates and picks one for a path as JAX-RS does, so that a
 * 405 names the same methods on every runtime and the catch-all never hides a real route. That the
 * runtimes route the same way is left to {@code ErrorsTest} and the compat contract.
 */
final class RoutesTest {
  private final Routes routes = Routes.of(OperationsResource.class);

  /** A subclass at another path, as the resource's javadoc shows. */
  @Path("jobs")
  public static class JobsResource extends OperationsResource {}

  @Test
  void each_real_route_wins_over_the_catch_all() {
    assertThat(routes.template("")).isEmpty();
    assertThat(routes.template("openapi.json")).isEqualTo("openapi.json");
    assertThat(routes.template("csv-export")).isEqualTo("{type}");
    assertThat(routes.template("csv-export/")).isEqualTo("{type}");
    assertThat(routes.template("csv-export/abc")).isEqualTo("{type}/{id}");
    assertThat(routes.template("csv-export/abc/")).isEqualTo("{type}/{id}");
    assertThat(routes.template("csv-export/abc/stop")).isEqualTo("{type}/{id}/stop");
    assertThat(routes.template("csv-export/abc/result")).isEqualTo("{type}/{id}/result");
    assertThat(routes.template("csv-export/abc/events")).isEqualTo("{type}/{id}/events");
  }

  @Test
  void every_other_path_is_the_catch_all() {
    assertThat(routes.template("csv-export/abc/nothing")).isEqualTo(UnknownPath.TEMPLATE);
    assertThat(routes.template("csv-export/abc/stop/more")).isEqualTo(UnknownPath.TEMPLATE);
    assertThat(routes.template("csv-export//abc")).isEqualTo(UnknownPath.TEMPLATE);
    assertThat(routes.template("openapi.json/x/y")).isEqualTo(UnknownPath.TEMPLATE);
  }

  @Test
  void the_catch_all_matches_no_path_of_a_real_route() {
    String own = UnknownPath.TEMPLATE.substring(UnknownPath.TEMPLATE.indexOf(':') + 1).strip();
    Pattern catchAll = Pattern.compile("[^/]+/(?:" + own.substring(0, own.length() - 1) + ")/?");
    List<String> real =
        List.of(
            "csv-export",
            "csv-export/",
            "csv-export/abc",
            "csv-export/abc/",
            "csv-export/abc/stop",
            "csv-export/abc/stop/",
            "csv-export/abc/result",
            "csv-export/abc/events/");

    assertThat(real).noneMatch(path -> catchAll.matcher(path).matches());
    assertThat(List.of("csv-export/abc/nothing", "csv-export/abc/stop/x", "a//b"))
        .allMatch(path -> catchAll.matcher(path).matches());
  }

  @Test
  void allowed_methods_are_those_of_the_matched_template_with_head_and_options() {
    assertThat(routes.allowed("")).containsExactly("GET", "HEAD", "OPTIONS");
    assertThat(routes.allowed("csv-export")).containsExactly("GET", "HEAD", "OPTIONS", "POST");
    assertThat(routes.allowed("csv-export/abc"))
        .containsExactly("DELETE", "GET", "HEAD", "OPTIONS");
    assertThat(routes.allowed("csv-export/abc/stop")).containsExactly("OPTIONS", "POST");
    assertThat(routes.allowed("csv-export/abc/result")).containsExactly("GET", "HEAD", "OPTIONS");
  }

  @Test
  void a_subclass_has_the_same_routes() {
    Routes jobs = Routes.of(JobsResource.class);

    assertThat(jobs.allowed("csv-export/abc/stop")).containsExactly("OPTIONS", "POST");
    assertThat(jobs.template("csv-export/abc/nothing")).isEqualTo(UnknownPath.TEMPLATE);
  }
}
