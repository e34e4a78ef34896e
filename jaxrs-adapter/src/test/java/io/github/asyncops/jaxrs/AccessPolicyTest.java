package io.github.asyncops.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationType;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/**
 * The access-policy hook: a policy where only the role {@code launcher} may start missiles, only
 * {@code admin}s may stop them, and {@code admin}s see every CSV export. Unseen operations answer
 * 404; seen but refused, 403.
 */
final class AccessPolicyTest extends GrizzlyTest {

  /** The example policy of the README. */
  static final class LaunchControl implements AccessPolicy {
    @Override
    public boolean mayStart(Caller caller, OperationType type) {
      return !type.name().equals("missile-launch") || caller.isUserInRole("launcher");
    }

    @Override
    public boolean maySee(Caller caller, OperationType type, OperationSnapshot operation) {
      return caller.isUserInRole("admin") || AccessPolicy.super.maySee(caller, type, operation);
    }

    @Override
    public boolean mayStop(Caller caller, OperationType type, OperationSnapshot operation) {
      return !type.name().equals("missile-launch") || caller.isUserInRole("admin");
    }
  }

  AccessPolicyTest() {
    super(new Harness(adapter -> adapter.accessPolicy(new LaunchControl())));
  }

  private Invocation.Builder as(String user, String roles, String path) {
    return resource(path)
        .request(JSON)
        .header("X-Requested-With", "asyncops")
        .header(TestPrincipals.USER, user)
        .header(TestPrincipals.ROLES, roles);
  }

  @Test
  void a_refused_start_answers_403() {
    Http.problem(
        as("ann", "", "operations/missile-launch").post(Entity.json("{}")),
        403,
        "forbidden",
        "Forbidden",
        "you may not start operations of type 'missile-launch'");

    assertThat(
            as("ann", "launcher", "operations/missile-launch").post(Entity.json("{}")).getStatus())
        .isEqualTo(202);
  }

  @Test
  void a_refused_stop_of_a_visible_operation_answers_403() {
    String id =
        Http.json(as("ann", "launcher", "operations/missile-launch").post(Entity.json("{}")))
            .path("id")
            .asText();
    String stop = "operations/missile-launch/" + id + "/stop";

    Http.problem(
        as("ann", "launcher", stop).post(Entity.json("{}")),
        403,
        "forbidden",
        "Forbidden",
        "you may not stop or forget operation '" + id + "'");

    assertThat(as("root", "admin", stop).post(Entity.json("{}")).getStatus()).isEqualTo(200);
  }

  @Test
  void a_widened_view_shows_other_owners_operations() {
    String id =
        Http.json(as("ann", "", "operations/csv-export").post(Entity.json("{\"rows\": 1}")))
            .path("id")
            .asText();

    Response admin = as("root", "admin", "operations/csv-export/" + id).get();
    Response other = as("bob", "", "operations/csv-export/" + id).get();

    assertThat(admin.getStatus()).isEqualTo(200);
    assertThat(other.getStatus()).isEqualTo(404);
  }
}
