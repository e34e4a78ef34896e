package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationId;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The {@code asyncops-client} cookie that tells anonymous callers apart: 128 random bits in the
 * form of an operation id (22 URL-safe Base64 characters), HttpOnly, SameSite=Strict, path {@code
 * /}, Secure over https, and a session cookie, so it ends with the browser session.
 */
final class ClientCookie {
  static final String NAME = "asyncops-client";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientCookie() {}

  /** The client id the request carries, or null if it has none or a malformed one. */
  static String idOf(HttpHeaders headers) {
    Cookie cookie = headers.getCookies().get(NAME);
    String value = cookie == null ? null : cookie.getValue();
    return OperationId.isValid(value) ? value : null;
  }

  static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static NewCookie of(String id, boolean secure) {
    return new NewCookie.Builder(NAME)
        .value(id)
        .path("/")
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.STRICT)
        .build();
  }
}
