package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads the {@code Idempotency-Key} header and fingerprints what a start asks for. The engine's
 * store remembers which operation a key started (see {@link
 * io.github.asyncops.core.StartRequest#withIdempotencyKey}), so a retry that reaches another node
 * sharing the store answers with the same operation too.
 */
final class IdempotencyKeys {
  private static final Pattern FORM = Pattern.compile("[\\x21-\\x7e]{1,255}");

  /** Writes JSON with the members of every object in name order. */
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private IdempotencyKeys() {}

  /**
   * Reads an {@code Idempotency-Key} header: up to 255 visible ASCII characters, optionally in
   * double quotes as the IETF draft's structured-field form has it.
   *
   * @param header the header, or null
   * @return the key, or null if there is none
   * @throws ProblemException 400 if the header is malformed
   */
  static String parse(String header) {
    if (header == null) {
      return null;
    }
    String key = header.trim();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (!FORM.matcher(key).matches()) {
      throw Problem.INVALID_REQUEST.exception(Detail.of("invalid-idempotency-key"));
    }
    return key;
  }

  /**
   * Fingerprints what a start asks for, ignoring the order of JSON members: the Base64 of a SHA-256
   * digest of the body as canonical JSON and the {@code ?key=}. Every node computes the same one.
   *
   * @param tree the body as a JSON tree
   * @param key the {@code ?key=} of the start, or null
   * @return the fingerprint
   */
  static String fingerprint(JsonNode tree, String key) {
    try {
      String json = CANONICAL.writeValueAsString(CANONICAL.treeToValue(tree, Object.class));
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(json.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(String.valueOf(key).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha.digest());
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint a parsed JSON tree", e);
    }
  }
}
