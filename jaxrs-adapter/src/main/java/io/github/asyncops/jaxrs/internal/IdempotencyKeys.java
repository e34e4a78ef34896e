package io.github.asyncops.jaxrs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.asyncops.core.AsyncOpsException;
import io.github.asyncops.core.OperationEngine;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.StartOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Remembers which operation each {@code Idempotency-Key} started, per owner and type, so that a
 * retried start answers with the same operation instead of starting another.
 *
 * <p>Design notes. An entry lives as long as its operation: one whose operation was forgotten is
 * replaced by the next start with its key. Memory is bounded by {@link #CAPACITY} entries, evicting
 * the least recently used. A key reused with another body or {@code ?key=} is refused, because
 * answering with an operation started from other parameters would hide the caller's mistake. Two
 * requests with one key at the same moment start one operation: the second waits for the first's
 * start (which does not wait for the run) and answers with its outcome. Keys live in this node's
 * memory only.
 */
public final class IdempotencyKeys {
  /** The most keys remembered; an entry is about 200 bytes. */
  static final int CAPACITY = 10_000;

  private static final Pattern FORM = Pattern.compile("[\\x21-\\x7e]{1,255}");

  /** Writes JSON with the members of every object in name order. */
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final Map<Key, Entry> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, IdempotencyKeys.Entry> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Creates an empty memory. */
  public IdempotencyKeys() {}

  private record Key(String owner, String type, String idempotencyKey) {}

  private static final class Entry {
    final String fingerprint;
    final CompletableFuture<OperationId> operation = new CompletableFuture<>();

    Entry(String fingerprint) {
      this.fingerprint = fingerprint;
    }
  }

  /**
   * Reads an {@code Idempotency-Key} header: up to 255 visible ASCII characters, optionally in
   * double quotes as the IETF draft's structured-field form has it.
   *
   * @param header the header, or null
   * @return the key, or null if there is none
   * @throws ProblemException 400 if the header is malformed
   */
  public static String parse(String header) {
    if (header == null) {
      return null;
    }
    String key = header.trim();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (!FORM.matcher(key).matches()) {
      throw Problem.INVALID_REQUEST.exception(
          "the Idempotency-Key header must be 1 to 255 visible ASCII characters");
    }
    return key;
  }

  /**
   * Fingerprints what a start asks for, ignoring the order of JSON members.
   *
   * @param tree the body as a JSON tree
   * @param key the {@code ?key=} of the start, or null
   * @return the fingerprint
   */
  public static String fingerprint(JsonNode tree, String key) {
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

  /**
   * Starts an operation for a key, or answers with the one the key already started.
   *
   * @param engine the engine, to read a remembered operation
   * @param owner the caller's owner
   * @param type the type's name
   * @param idempotencyKey the key
   * @param fingerprint what the start asks for, from {@link #fingerprint}
   * @param start starts the operation
   * @return the outcome; {@code created} is false for a replay
   * @throws ProblemException 422 if the key was used for a different request
   */
  public StartOutcome start(
      OperationEngine engine,
      String owner,
      String type,
      String idempotencyKey,
      String fingerprint,
      Supplier<StartOutcome> start) {
    Key key = new Key(owner, type, idempotencyKey);
    while (true) {
      Entry mine = new Entry(fingerprint);
      Entry earlier;
      synchronized (entries) {
        earlier = entries.putIfAbsent(key, mine);
      }
      if (earlier == null) {
        return startFor(key, mine, start);
      }
      OperationSnapshot replay = replay(engine, earlier);
      if (replay == null) {
        synchronized (entries) {
          entries.remove(key, earlier);
        }
        continue;
      }
      if (!earlier.fingerprint.equals(fingerprint)) {
        throw Problem.IDEMPOTENCY_KEY_REUSED.exception(
            "this Idempotency-Key was already used for a start with other parameters");
      }
      return new StartOutcome(replay, false);
    }
  }

  private StartOutcome startFor(Key key, Entry mine, Supplier<StartOutcome> start) {
    try {
      StartOutcome outcome = start.get();
      mine.operation.complete(outcome.operation().id());
      return outcome;
    } catch (RuntimeException e) {
      synchronized (entries) {
        entries.remove(key, mine);
      }
      mine.operation.completeExceptionally(e);
      throw e;
    }
  }

  /** The remembered operation now, or null if it failed to start or was forgotten since. */
  private static OperationSnapshot replay(OperationEngine engine, Entry earlier) {
    OperationId id;
    try {
      id = earlier.operation.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
    try {
      return engine.status(id);
    } catch (AsyncOpsException e) {
      return null;
    }
  }
}
