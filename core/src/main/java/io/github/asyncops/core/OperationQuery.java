package io.github.asyncops.core;

import java.util.Objects;

/**
 * Which operations of one type to list, newest first. Immutable; build it with {@link #of(String)}
 * and the {@code with} methods.
 *
 * @param type the operation type's name
 * @param owner only operations of this owner, or null for any owner
 * @param key only operations with this key, or null for any key
 * @param activeOnly only active operations
 * @param limit the most operations to return, at least 1
 */
public record OperationQuery(String type, String owner, String key, boolean activeOnly, int limit) {

  /** The limit of a query made with {@link #of(String)}. */
  public static final int DEFAULT_LIMIT = 100;

  /**
   * Creates a query.
   *
   * @param type the operation type's name
   * @param owner only this owner's operations, or null for any
   * @param key only operations with this key, or null for any
   * @param activeOnly only active operations
   * @param limit the most operations to return, at least 1
   * @throws NullPointerException if {@code type} is null
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public OperationQuery {
    Objects.requireNonNull(type, "type");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }

  /**
   * Queries all operations of a type, up to {@link #DEFAULT_LIMIT}.
   *
   * @param type the operation type's name
   * @return the query
   */
  public static OperationQuery of(String type) {
    return new OperationQuery(type, null, null, false, DEFAULT_LIMIT);
  }

  /**
   * Returns a copy restricted to one owner.
   *
   * @param owner the owner, or null for any
   * @return the copy
   */
  public OperationQuery withOwner(String owner) {
    return new OperationQuery(type, owner, key, activeOnly, limit);
  }

  /**
   * Returns a copy restricted to one key.
   *
   * @param key the key, or null for any
   * @return the copy
   */
  public OperationQuery withKey(String key) {
    return new OperationQuery(type, owner, key, activeOnly, limit);
  }

  /**
   * Returns a copy restricted to active operations, or not.
   *
   * @param activeOnly whether to list only active operations
   * @return the copy
   */
  public OperationQuery withActiveOnly(boolean activeOnly) {
    return new OperationQuery(type, owner, key, activeOnly, limit);
  }

  /**
   * Returns a copy with another limit.
   *
   * @param limit the most operations to return, at least 1
   * @return the copy
   */
  public OperationQuery withLimit(int limit) {
    return new OperationQuery(type, owner, key, activeOnly, limit);
  }
}
