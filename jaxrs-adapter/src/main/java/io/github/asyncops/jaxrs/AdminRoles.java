package io.github.asyncops.jaxrs;

import java.util.Objects;

/**
 * The roles that grant the operator console's API by default (see {@link
 * AccessPolicy#adminAccess}): a caller in the write role may do everything, one in the read role
 * may only look. The roles are checked with {@link Caller#isUserInRole}, so anonymous callers never
 * have them. Set them with {@link AsyncOpsFeature.Builder#adminRoles(AdminRoles)}.
 *
 * @param write the role that may list, read, stop and delete
 * @param read the role that may only list and read, or null for no read-only role
 */
public record AdminRoles(String write, String read) {

  /** {@code asyncops-admin} for write, {@code asyncops-viewer} for read. */
  public static final AdminRoles DEFAULT = new AdminRoles("asyncops-admin", "asyncops-viewer");

  /**
   * Checks the roles.
   *
   * @param write the write role
   * @param read the read role, or null
   * @throws NullPointerException if {@code write} is null
   * @throws IllegalArgumentException if a role is blank
   */
  public AdminRoles {
    Objects.requireNonNull(write, "write");
    if (write.isBlank() || (read != null && read.isBlank())) {
      throw new IllegalArgumentException("admin role names must not be blank");
    }
  }

  /**
   * What these roles grant a caller.
   *
   * @param caller who asks
   * @return {@link AdminAccess#WRITE} in the write role, {@link AdminAccess#READ} in the read role,
   *     else {@link AdminAccess#NONE}
   */
  public AdminAccess accessOf(Caller caller) {
    if (caller.isUserInRole(write)) {
      return AdminAccess.WRITE;
    }
    return read != null && caller.isUserInRole(read) ? AdminAccess.READ : AdminAccess.NONE;
  }
}
