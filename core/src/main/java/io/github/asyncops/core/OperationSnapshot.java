package io.github.asyncops.core;

import java.time.Duration;
import java.time.Instant;

/**
 * What a poller sees of one operation at one moment. Immutable.
 *
 * @param id the operation's identifier
 * @param type the name of its operation type
 * @param state its state
 * @param value the fraction done, 0..1; 1 once {@link OperationState#SUCCEEDED}
 * @param text the status text for people, or null
 * @param owner who started it: the principal's name, an id the HTTP adapter assigned to an
 *     anonymous browser, or null when the caller gave none
 * @param key the caller-given key (for {@link Scope#KEY} types), or null
 * @param createdAt when it was accepted
 * @param startedAt when it began running, or null while queued or if it never ran
 * @param updatedAt when its state or progress last changed
 * @param finishedAt when it reached a final state, or null while active
 * @param error a message safe to show users when {@link OperationState#FAILED} (never a stack
 *     trace), otherwise null
 * @param resultAvailable whether {@link OperationEngine#result(OperationId)} has a result
 * @param stopRequested whether a stop was requested; with {@link OperationState#SUCCEEDED} it means
 *     the stop came too late, after the work was done
 * @param pollAfter the suggested delay before the next poll, or null once final
 * @param node the engine node that runs or ran it, for operators; null while queued
 * @param elapsed how long it has been running, to the second (until it ended, once final), or null
 *     if it never ran
 * @param remaining the estimated time left while it runs, to the second, or null: before the
 *     estimate is trustworthy (a few reports and 1 % of progress), when the worker reports no
 *     values and no stages, when it runs on another node, and once it is no longer running
 * @param stalled whether it is running and nothing (value, text, stage) moved for longer than its
 *     type's {@link OperationType#stallAfter() stall threshold}
 * @param stage the stage the worker last reported while it runs here, or null
 * @param message the status as a message, which {@link OperationEngine#localize} renders in a
 *     viewer's language, or null when the text is plain; {@code text} is its rendering in the
 *     engine's default language
 * @param errorMessage the error as a message, which {@link OperationEngine#localize} renders in a
 *     viewer's language, or null when the error is plain or there is none; {@code error} is its
 *     rendering in the default language of the node that ran the operation
 */
public record OperationSnapshot(
    OperationId id,
    String type,
    OperationState state,
    double value,
    String text,
    String owner,
    String key,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    String error,
    boolean resultAvailable,
    boolean stopRequested,
    Duration pollAfter,
    String node,
    Duration elapsed,
    Duration remaining,
    boolean stalled,
    Stage stage,
    Message message,
    Message errorMessage) {

  /**
   * Creates a snapshot whose error, if any, is plain.
   *
   * @param id the operation's identifier
   * @param type the name of its operation type
   * @param state its state
   * @param value the fraction done
   * @param text the status text, or null
   * @param owner who started it, or null
   * @param key the caller-given key, or null
   * @param createdAt when it was accepted
   * @param startedAt when it began running, or null
   * @param updatedAt when it last changed
   * @param finishedAt when it ended, or null
   * @param error the user-safe failure message, or null
   * @param resultAvailable whether it has a result
   * @param stopRequested whether a stop was requested
   * @param pollAfter the suggested delay before the next poll, or null
   * @param node the node that runs or ran it, or null
   * @param elapsed how long it has been running, or null
   * @param remaining the estimated time left, or null
   * @param stalled whether it stalled
   * @param stage the stage, or null
   * @param message the status as a message, or null
   */
  public OperationSnapshot(
      OperationId id,
      String type,
      OperationState state,
      double value,
      String text,
      String owner,
      String key,
      Instant createdAt,
      Instant startedAt,
      Instant updatedAt,
      Instant finishedAt,
      String error,
      boolean resultAvailable,
      boolean stopRequested,
      Duration pollAfter,
      String node,
      Duration elapsed,
      Duration remaining,
      boolean stalled,
      Stage stage,
      Message message) {
    this(
        id,
        type,
        state,
        value,
        text,
        owner,
        key,
        createdAt,
        startedAt,
        updatedAt,
        finishedAt,
        error,
        resultAvailable,
        stopRequested,
        pollAfter,
        node,
        elapsed,
        remaining,
        stalled,
        stage,
        message,
        null);
  }

  /**
   * Creates a snapshot whose text is plain.
   *
   * @param id the operation's identifier
   * @param type the name of its operation type
   * @param state its state
   * @param value the fraction done
   * @param text the status text, or null
   * @param owner who started it, or null
   * @param key the caller-given key, or null
   * @param createdAt when it was accepted
   * @param startedAt when it began running, or null
   * @param updatedAt when it last changed
   * @param finishedAt when it ended, or null
   * @param error the user-safe failure message, or null
   * @param resultAvailable whether it has a result
   * @param stopRequested whether a stop was requested
   * @param pollAfter the suggested delay before the next poll, or null
   * @param node the node that runs or ran it, or null
   * @param elapsed how long it has been running, or null
   * @param remaining the estimated time left, or null
   * @param stalled whether it stalled
   * @param stage the stage, or null
   */
  public OperationSnapshot(
      OperationId id,
      String type,
      OperationState state,
      double value,
      String text,
      String owner,
      String key,
      Instant createdAt,
      Instant startedAt,
      Instant updatedAt,
      Instant finishedAt,
      String error,
      boolean resultAvailable,
      boolean stopRequested,
      Duration pollAfter,
      String node,
      Duration elapsed,
      Duration remaining,
      boolean stalled,
      Stage stage) {
    this(
        id,
        type,
        state,
        value,
        text,
        owner,
        key,
        createdAt,
        startedAt,
        updatedAt,
        finishedAt,
        error,
        resultAvailable,
        stopRequested,
        pollAfter,
        node,
        elapsed,
        remaining,
        stalled,
        stage,
        null);
  }

  /**
   * A copy with its texts in another language: the status and the stage's name.
   *
   * @param newText the status text
   * @param newStage the stage, or null
   * @return the copy, with the same messages
   */
  public OperationSnapshot withTexts(String newText, Stage newStage) {
    return withTexts(newText, newStage, error);
  }

  /**
   * A copy with its texts in another language: the status, the stage's name and the error.
   *
   * @param newText the status text
   * @param newStage the stage, or null
   * @param newError the error, or null
   * @return the copy, with the same messages
   */
  public OperationSnapshot withTexts(String newText, Stage newStage, String newError) {
    return new OperationSnapshot(
        id,
        type,
        state,
        value,
        newText,
        owner,
        key,
        createdAt,
        startedAt,
        updatedAt,
        finishedAt,
        newError,
        resultAvailable,
        stopRequested,
        pollAfter,
        node,
        elapsed,
        remaining,
        stalled,
        newStage,
        message,
        errorMessage);
  }

  /**
   * Tells whether the operation may still change.
   *
   * @return true while queued, running or stopping
   */
  public boolean active() {
    return state.isActive();
  }
}
