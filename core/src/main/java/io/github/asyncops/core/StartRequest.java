package io.github.asyncops.core;

import java.util.Objects;

/**
 * A request to start an operation. Immutable; build it with {@link #of(String)} and the {@code
 * with} methods.
 *
 * <p>An idempotency key makes a retried start safe: while the store holds an operation of the same
 * type and owner started with the same key (active, or final and not yet forgotten), a start with
 * that key answers with that operation ({@link StartOutcome#created()} false) instead of starting
 * another, on every node that shares the store. The fingerprint tells a retry from a mistake: a
 * start whose fingerprint differs from the one the key was first used with is refused with {@link
 * IdempotencyKeyReusedException}.
 *
 * @param type the operation type's name
 * @param parameters the worker's parameters, an instance of the type's parameter class, or null
 * @param owner who starts it: the calling principal's name, an id that identifies an anonymous
 *     caller (the HTTP adapter assigns one per browser), or null
 * @param key the caller-given key; required for {@link Scope#KEY} types, otherwise ignored
 * @param idempotencyKey the caller's idempotency key, or null for a start that is not deduplicated
 * @param fingerprint what the start asks for, compared on a replay, or null; see {@link
 *     #withIdempotencyKey}
 */
public record StartRequest(
    String type,
    Object parameters,
    String owner,
    String key,
    String idempotencyKey,
    String fingerprint) {

  /** The longest idempotency key, in chars; stores index keys, and indexes limit their entries. */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  /**
   * Creates a request.
   *
   * @param type the operation type's name
   * @param parameters the worker's parameters, or null
   * @param owner who starts it, or null
   * @param key the caller-given key, or null
   * @param idempotencyKey the idempotency key, or null
   * @param fingerprint what the start asks for, or null
   * @throws NullPointerException if {@code type} is null
   * @throws IllegalArgumentException if the idempotency key is empty or longer than {@link
   *     #MAX_IDEMPOTENCY_KEY_LENGTH}, or a fingerprint comes without one
   */
  public StartRequest {
    Objects.requireNonNull(type, "type");
    if (idempotencyKey == null && fingerprint != null) {
      throw new IllegalArgumentException("a fingerprint needs an idempotency key");
    }
    if (idempotencyKey != null
        && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
      throw new IllegalArgumentException(
          "an idempotency key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters long");
    }
  }

  /**
   * Creates a request without an idempotency key.
   *
   * @param type the operation type's name
   * @param parameters the worker's parameters, or null
   * @param owner who starts it, or null
   * @param key the caller-given key, or null
   * @throws NullPointerException if {@code type} is null
   */
  public StartRequest(String type, Object parameters, String owner, String key) {
    this(type, parameters, owner, key, null, null);
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
    return new StartRequest(type, parameters, owner, key, idempotencyKey, fingerprint);
  }

  /**
   * Returns a copy with another owner.
   *
   * @param owner the principal's name, or null for anonymous
   * @return the copy
   */
  public StartRequest withOwner(String owner) {
    return new StartRequest(type, parameters, owner, key, idempotencyKey, fingerprint);
  }

  /**
   * Returns a copy with another key.
   *
   * @param key the caller-given key, or null
   * @return the copy
   */
  public StartRequest withKey(String key) {
    return new StartRequest(type, parameters, owner, key, idempotencyKey, fingerprint);
  }

  /**
   * Returns a copy with an idempotency key. The key is unique per type and owner, so two callers
   * never see each other's operations through it.
   *
   * <p>The fingerprint is an opaque string that stands for everything the start asks for: compute
   * it from the parameters and the {@link #key() key}, the same way on every node and in every
   * version that shares the store, for example as the Base64 of a SHA-256 digest of canonical JSON.
   * Equal fingerprints make a retry that answers with the earlier operation; different ones make a
   * {@link IdempotencyKeyReusedException}. Null accepts every retry with the key as the same start.
   *
   * @param idempotencyKey the key, 1 to {@link #MAX_IDEMPOTENCY_KEY_LENGTH} chars; or null for
   *     none, which also drops the fingerprint
   * @param fingerprint what the start asks for, or null
   * @return the copy
   * @throws IllegalArgumentException if the key is empty or too long
   */
  public StartRequest withIdempotencyKey(String idempotencyKey, String fingerprint) {
    return new StartRequest(
        type, parameters, owner, key, idempotencyKey, idempotencyKey == null ? null : fingerprint);
  }
}
