package io.github.asyncops.core;

import java.util.Objects;

/**
 * A request to start an operation. Immutable; build it with {@link #of(String)} and the {@code
 * with} methods.
 *
 * @param type the operation type's name
 * @param parameters the worker's parameters, an instance of the type's parameter class, or null
 * @param owner who starts it: the calling principal's name, an id that identifies an anonymous
 *     caller (the HTTP adapter assigns one per browser), or null
 * @param key the caller-given key; required for {@link Scope#KEY} types, otherwise ignored
 */
public record StartRequest(String type, Object parameters, String owner, String key) {

  /**
   * Creates a request.
   *
   * @param type the operation type's name
   * @param parameters the worker's parameters, or null
   * @param owner who starts it, or null
   * @param key the caller-given key, or null
   * @throws NullPointerException if {@code type} is null
   */
  public StartRequest {
    Objects.requireNonNull(type, "type");
  }

  /**
   * Starts a request for a type, with no parameters, owner or key.
   *
   * @param type the operation type's name
   * @return the request
   */
  public static StartRequest of(String type) {
    return new StartRequest(type, null, null, null);
  }

  /**
   * Returns a copy with other parameters.
   *
   * @param parameters the worker's parameters, or null
   * @return the copy
   */
  public StartRequest withParameters(Object parameters) {
    return new StartRequest(type, parameters, owner, key);
  }

  /**
   * Returns a copy with another owner.
   *
   * @param owner the principal's name, or null for anonymous
   * @return the copy
   */
  public StartRequest withOwner(String owner) {
    return new StartRequest(type, parameters, owner, key);
  }

  /**
   * Returns a copy with another key.
   *
   * @param key the caller-given key, or null
   * @return the copy
   */
  public StartRequest withKey(String key) {
    return new StartRequest(type, parameters, owner, key);
  }
}
