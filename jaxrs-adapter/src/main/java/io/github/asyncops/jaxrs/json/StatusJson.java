package io.github.asyncops.jaxrs.json;

import io.github.asyncops.core.OperationSnapshot;
import io.github.asyncops.core.OperationState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One operation as pollers and event streams see it. Instants are written as ISO-8601 strings, to
 * the millisecond at most (the precision JavaScript's {@code Date} parses everywhere), and states
 * in upper case. The owner is never included.
 *
 * @param id the operation's id
 * @param type the operation type's name
 * @param state the state
 * @param value the fraction done, 0..1
 * @param text the status text for people, or null
 * @param active whether the operation may still change
 * @param key the caller-given key, or null
 * @param createdAt when it was accepted
 * @param startedAt when it began running, or null
 * @param updatedAt when its state or progress last changed
 * @param finishedAt when it ended, or null while active
 * @param error a message safe to show people when it failed, otherwise null
 * @param resultAvailable whether {@code links.result} has something to download
 * @param stopRequested whether a stop was requested
 * @param node the server node that runs or ran the operation, for operators; null while queued
 * @param elapsed whole seconds it has been running (until it ended, once final), or null if it
 *     never ran; it grows with the clock, so a client adds the time since the response
 * @param remaining the estimated whole seconds left while it runs, or null while there is no
 *     trustworthy estimate; it shrinks with the clock, so a client subtracts the time since the
 *     response
 * @param stalled whether it runs but nothing moved for longer than its type's stall threshold
 * @param stage the stage the worker reported ({@code index} from 1, {@code count}, {@code name}),
 *     or null
 * @param links where to go next
 */
public record StatusJson(
    String id,
    String type,
    OperationState state,
    double value,
    String text,
    boolean active,
    String key,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    String error,
    boolean resultAvailable,
    boolean stopRequested,
    String node,
    Long elapsed,
    Long remaining,
    boolean stalled,
    StageJson stage,
    LinksJson links) {

  /**
   * Describes a snapshot.
   *
   * @param snapshot the operation
   * @param basePath the adapter's base as an absolute path, for example {@code /api/operations}
   * @return its JSON form
   */
  public static StatusJson of(OperationSnapshot snapshot, String basePath) {
    String id = snapshot.id().value();
    return new StatusJson(
        id,
        snapshot.type(),
        snapshot.state(),
        snapshot.value(),
        snapshot.text(),
        snapshot.active(),
        snapshot.key(),
        millis(snapshot.createdAt()),
        millis(snapshot.startedAt()),
        millis(snapshot.updatedAt()),
        millis(snapshot.finishedAt()),
        snapshot.error(),
        snapshot.resultAvailable(),
        snapshot.stopRequested(),
        snapshot.node(),
        seconds(snapshot.elapsed()),
        seconds(snapshot.remaining()),
        snapshot.stalled(),
        StageJson.of(snapshot.stage()),
        LinksJson.of(basePath, snapshot.type(), id));
  }

  private static Long seconds(Duration duration) {
    return duration == null ? null : duration.getSeconds();
  }

  private static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
