package io.github.asyncops.jaxrs;

import io.github.asyncops.core.OperationSnapshot;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Objects;

/**
 * Who makes a request, as the adapter and the {@link AccessPolicy} see it.
 *
 * <p>An authenticated caller's owner is the name of the JAX-RS {@link SecurityContext}'s principal.
 * An anonymous caller's owner is {@value #ANONYMOUS_PREFIX} followed by the 128-bit random id of
 * the {@code asyncops-client} cookie that the adapter sets, so two browsers never share one.
 *
 * @param owner the owner recorded on the operations this caller starts, never null
 * @param principal the authenticated principal, or null for an anonymous caller
 * @param securityContext the request's security context, for role checks; valid only while the
 *     request is being handled
 */
public record Caller(String owner, Principal principal, SecurityContext securityContext) {

  /** The prefix of an anonymous caller's owner. */
  public static final String ANONYMOUS_PREFIX = "anonymous:";

  /**
   * Creates a caller.
   *
   * @param owner the owner recorded on the operations this caller starts
   * @param principal the authenticated principal, or null for an anonymous caller
   * @param securityContext the request's security context
   * @throws NullPointerException if {@code owner} or {@code securityContext} is null
   */
  public Caller {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(securityContext, "securityContext");
  }

  /**
   * Tells whether the caller is anonymous, known only by the adapter's cookie.
   *
   * @return true when there is no principal
   */
  public boolean anonymous() {
    return principal == null;
  }

  /**
   * Tells whether this caller started an operation.
   *
   * @param operation the operation
   * @return true if its owner is this caller's owner
   */
  public boolean owns(OperationSnapshot operation) {
    return owner.equals(operation.owner());
  }

  /**
   * Tells whether the caller has a role, as the security context says.
   *
   * @param role the role's name
   * @return false for anonymous callers and callers without the role
   */
  public boolean isUserInRole(String role) {
    return principal != null && securityContext.isUserInRole(role);
  }
}
