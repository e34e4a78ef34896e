package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.jaxrs.AccessPolicy;
import io.github.asyncops.jaxrs.AdminAccess;
import io.github.asyncops.jaxrs.AdminRoles;
import io.github.asyncops.jaxrs.Caller;

/** What the application's {@link AccessPolicy} allows one caller, as the requests need it. */
final class Access {
  private final AccessPolicy policy;
  private final Caller caller;

  Access(AccessPolicy policy, Caller caller) {
    this.policy = policy;
    this.caller = caller;
  }

  /**
   * Requires that the caller may start operations of a type.
   *
   * @param type the type
   * @throws ProblemException 403 if the access policy says no
   */
  void requireMayStart(OperationType type) {
    if (!policy.mayStart(caller, type)) {
      throw Problem.FORBIDDEN.exception(Detail.of("may-not-start", type.name()));
    }
  }

  /**
   * Requires that the caller may stop or forget an operation it can see.
   *
   * @param type the operation's type
   * @param operation the operation
   * @throws ProblemException 403 if the access policy says no
   */
  void requireMayStop(OperationType type, OperationSnapshot operation) {
    if (!policy.mayStop(caller, type, operation)) {
      throw Problem.FORBIDDEN.exception(Detail.of("may-not-stop", operation.id()));
    }
  }

  /**
   * Tells whether the caller may see an operation.
   *
   * @param type the operation's type
   * @param operation the operation
   * @return what the access policy says
   */
  boolean maySee(OperationType type, OperationSnapshot operation) {
    return policy.maySee(caller, type, operation);
  }

  /**
   * What the policy grants the caller in the admin API.
   *
   * @param roles the configured admin roles
   * @return the access, never null
   */
  AdminAccess admin(AdminRoles roles) {
    AdminAccess access = policy.adminAccess(caller, roles);
    return access == null ? AdminAccess.NONE : access;
  }
}
