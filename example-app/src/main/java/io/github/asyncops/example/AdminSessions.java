package io.github.asyncops.example;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's login to the operator console: one password, given by {@code --admin-password} or
 * drawn at start-up, and the sessions it opened, kept in this node's memory until the node stops or
 * the session logs out.
 *
 * <p>The password is compared as SHA-256 digests with {@link MessageDigest#isEqual}, which takes
 * the same time whatever the first differing byte, and digests have one length, so neither the
 * position of a mistake nor the password's length shows in the time an answer takes. A session id
 * is 128 random bits; the cookie that carries it is HttpOnly and SameSite=Strict ({@link
 * AdminPage}).
 */
final class AdminSessions {
  /** The cookie that carries a session id. */
  static final String COOKIE = "asyncops-admin";

  /** The principal's name of a request with a valid session. */
  static final String ADMIN = "admin";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String password;
  private final boolean generated;
  private final byte[] digest;
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();

  private AdminSessions(String password, boolean generated) {
    this.password = password;
    this.generated = generated;
    this.digest = sha256(password);
  }

  /**
   * Sessions for a password.
   *
   * @param password the password, or null for a random one
   * @return the sessions, none open yet
   */
  static AdminSessions of(String password) {
    return password == null ? new AdminSessions(token(), true) : new AdminSessions(password, false);
  }

  /** The random password drawn at start-up, or null when {@code --admin-password} gave one. */
  String generatedPassword() {
    return generated ? password : null;
  }

  /**
   * Opens a session if the password is right.
   *
   * @param attempt the password tried, or null
   * @return the new session's id, or null for a wrong password
   */
  String login(String attempt) {
    boolean right = MessageDigest.isEqual(digest, sha256(attempt == null ? "" : attempt));
    if (!right) {
      return null;
    }
    String session = token();
    sessions.add(session);
    return session;
  }

  /**
   * Tells whether a session id belongs to an open session.
   *
   * @param session the id a cookie brought, or null
   * @return true for an open session
   */
  boolean valid(String session) {
    return session != null && sessions.contains(session);
  }

  /**
   * Closes a session; nothing happens for an unknown one.
   *
   * @param session the id, or null
   */
  void logout(String session) {
    if (session != null) {
      sessions.remove(session);
    }
  }

  private static String token() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
