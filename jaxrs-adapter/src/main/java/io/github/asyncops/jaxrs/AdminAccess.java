package io.github.asyncops.jaxrs;

/**
 * What a caller may do in the operator console's API ({@code {base}/_admin/...}), as {@link
 * AccessPolicy#adminAccess} decides it.
 */
public enum AdminAccess {
  /** Nothing: every admin path answers 404, exactly as a path that does not exist. */
  NONE,
  /** List, summarise, read details and follow events; stop and delete answer 403. */
  READ,
  /** Everything {@link #READ} may, and stop and delete any operation. */
  WRITE;

  /**
   * Tells whether this access lets a caller read the admin API.
   *
   * @return true for {@link #READ} and {@link #WRITE}
   */
  public boolean mayRead() {
    return this != NONE;
  }

  /**
   * Tells whether this access lets a caller stop and delete operations.
   *
   * @return true for {@link #WRITE}
   */
  public boolean mayWrite() {
    return this == WRITE;
  }
}
