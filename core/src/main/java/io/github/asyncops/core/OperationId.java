package io.github.asyncops.core;

import java.util.Base64;
import java.util.Objects;

/**
 * The identifier of one operation: 128 random bits in URL-safe Base64 without padding (22
 * characters), so it can stand in a URL path and cannot be guessed.
 *
 * @param value the 22-character text form
 */
public record OperationId(String value) {

  private static final int LENGTH = 22;
  private static final boolean[] URL_SAFE = new boolean[128];

  static {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    alphabet.chars().forEach(c -> URL_SAFE[c] = true);
  }

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /**
   * Wraps a text form.
   *
   * @param value the 22-character text form
   * @throws IllegalArgumentException if {@code value} is not 22 URL-safe Base64 characters
   * @throws NullPointerException if {@code value} is null
   */
  public OperationId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "operation id must be 22 URL-safe Base64 characters, was '" + value + "'");
    }
  }

  /**
   * Draws a new random identifier from the JDK's {@code DRBG} {@link java.security.SecureRandom}.
   *
   * @return a fresh identifier
   */
  public static OperationId random() {
    return new OperationId(ENCODER.encodeToString(RandomBits.next(16)));
  }

  /**
   * Parses a text form, as found in a URL.
   *
   * @param value the text form
   * @return the identifier
   * @throws IllegalArgumentException if {@code value} is not a valid identifier
   */
  public static OperationId of(String value) {
    return new OperationId(value);
  }

  /**
   * Tells whether a text is a well-formed identifier.
   *
   * @param value the text, may be null
   * @return true if {@link #of(String)} would accept it
   */
  public static boolean isValid(String value) {
    if (value == null || value.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = value.charAt(i);
      if (c >= URL_SAFE.length || !URL_SAFE[c]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
