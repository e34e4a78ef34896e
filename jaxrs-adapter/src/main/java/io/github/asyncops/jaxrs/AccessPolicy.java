package io.github.asyncops.jaxrs;

import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationType;

/**
 * Decides who may start, see and stop the operations of each type. Give one to {@link
 * AsyncOpsFeature.Builder#accessPolicy(AccessPolicy)}; override only the methods you need.
 *
 * <p>Methods are called on request threads, once per request (once per listed operation for lists),
 * so they must be thread-safe and quick. An exception they throw fails the request with 500.
 *
 * <p>A caller that may not see an operation gets 404 for it, exactly as for an id that does not
 * exist, so nothing tells it the operation exists. A caller that may see but not start or stop gets
 * 403.
 */
public interface AccessPolicy {

  /** The default policy: what {@link #maySee} documents, and everybody may start and stop. */
  AccessPolicy DEFAULT = new AccessPolicy() {};

  /**
   * Decides whether a caller may start an operation of a type (or join the active one).
   *
   * @param caller who asks
   * @param type the type
   * @return true to allow; by default always
   */
  default boolean mayStart(Caller caller, OperationType type) {
    return true;
  }

  /**
   * Decides whether a caller may see an operation: read its status, events and result, and find it
   * in lists.
   *
   * <p>By default, operations of {@link io.github.asyncops.core.Scope#GLOBAL GLOBAL} and {@link
   * io.github.asyncops.core.Scope#KEY KEY} types are visible to every caller, and those of {@link
   * io.github.asyncops.core.Scope#USER USER} and {@link io.github.asyncops.core.Scope#NONE NONE}
   * types only to their owner. Lists of {@code USER} and {@code NONE} types only ever contain the
   * caller's own operations, whatever this method says.
   *
   * @param caller who asks
   * @param type the operation's type
   * @param operation the operation
   * @return true to allow
   */
  default boolean maySee(Caller caller, OperationType type, OperationSnapshot operation) {
    return switch (type.scope()) {
      case GLOBAL, KEY -> true;
      case USER, NONE -> caller.owns(operation);
    };
  }

  /**
   * Decides whether a caller may stop an operation or forget it ({@code DELETE}). Only asked about
   * operations the caller {@link #maySee may see}.
   *
   * @param caller who asks
   * @param type the operation's type
   * @param operation the operation
   * @return true to allow; by default, whoever may see it
   */
  default boolean mayStop(Caller caller, OperationType type, OperationSnapshot operation) {
    return maySee(caller, type, operation);
  }

  /**
   * Decides what a caller may do in the operator console's API under {@code {base}/_admin}: see
   * every operation of every user and node, with failures' stack traces, and stop or delete any of
   * them. A caller with {@link AdminAccess#NONE} gets 404 on every admin path, as for a path that
   * does not exist, and the OpenAPI document does not mention them.
   *
   * @param caller who asks
   * @param roles the admin roles the feature was configured with
   * @return the access; by default what {@link AdminRoles#accessOf} says
   */
  default AdminAccess adminAccess(Caller caller, AdminRoles roles) {
    return roles.accessOf(caller);
  }
}
