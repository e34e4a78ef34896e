package io.github.asyncops.jaxrs.internal;

import io.github.asyncops.core.OperationSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strong entity tags of status representations: a SHA-256 over every field that can change, so two
 * snapshots share a tag exactly when their JSON is the same, but for {@code elapsed} and {@code
 * remaining}. Those two move with the clock, every second; a client that hears 304 adds the time
 * since its last 200 to the one and takes it from the other, which is what a new body would say,
 * while a poll that changes nothing else stays a cheap 304. Also the second half of event ids.
 */
final class ETags {
  /** Bytes of the digest kept: 128 bits, 22 characters. */
  private static final int LENGTH = 16;

  private ETags() {}

  /**
   * The tag's value, without quotes.
   *
   * @param snapshot the operation, with its texts in {@code language}
   * @param language the {@code Content-Language} of the representation, so that two languages never
   *     share a tag even where their texts agree
   * @return 22 URL-safe Base64 characters
   */
  static String value(OperationSnapshot snapshot, String language) {
    String fields =
        String.join(
            "\u001f",
            language,
            snapshot.id().value(),
            snapshot.state().name(),
            Double.toString(snapshot.value()),
            text(snapshot.text()),
            text(snapshot.key()),
            text(snapshot.startedAt()),
            text(snapshot.updatedAt()),
            text(snapshot.finishedAt()),
            text(snapshot.error()),
            Boolean.toString(snapshot.resultAvailable()),
            Boolean.toString(snapshot.stopRequested()),
            text(snapshot.node()),
            Boolean.toString(snapshot.stalled()),
            text(snapshot.stage()));
    byte[] digest = sha256().digest(fields.getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, LENGTH));
  }

  /**
   * A field's text; null becomes NUL, which no text a person reads contains. Instants count to the
   * millisecond, as the JSON shows them.
   */
  private static String text(Object field) {
    if (field instanceof Instant instant) {
      return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
    return field == null ? "\u0000" : field.toString();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
