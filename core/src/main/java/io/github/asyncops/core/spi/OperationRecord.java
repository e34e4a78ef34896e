package io.github.asyncops.core.spi;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import java.time.Duration;
import java.time.Instant;

/**
 * One operation as an {@link OperationStore} keeps it. Immutable; the transition methods return
 * updated copies, so every store applies the same rules.
 *
 * @param id the identifier
 * @param type the operation type's name
 * @param state the state
 * @param value the fraction done, 0..1
 * @param text the last status text, or null
 * @param owner the starting principal, or null
 * @param key the caller-given key, or null
 * @param slot the scope slot that at most one active operation of the type may hold, or null when
 *     the operation holds none (scope {@code NONE}, or after a restart released it)
 * @param parameters the worker's parameters, or null
 * @param createdAt when it was accepted
 * @param startedAt when it was claimed to run, or null
 * @param updatedAt when it last changed
 * @param finishedAt when it became final, or null
 * @param error the user-safe failure message, or null
 * @param result the result, {@link OperationResult#none()} until one is set
 * @param stopRequested whether a stop was requested
 * @param node the engine node running it, or null while queued
 * @param heartbeatAt when that node last confirmed it is running it, or null
 * @param retention how long it is kept once final
 * @param epoch the fencing token: 0 until the first claim, then one more at every claim, so a node
 *     that lost an operation (its lease ran out and it was failed or claimed again) holds an older
 *     epoch, and the store refuses its writes
 * @param idempotencyKey the start's idempotency key, or null: while the store holds this record, an
 *     insert of the same type, owner and key answers {@link InsertResult.Replay} with it; final
 *     records keep it until they are forgotten
 * @param fingerprint what the start asked for (see {@link
 *     io.github.asyncops.core.StartRequest#withIdempotencyKey}), or null
 */
public record OperationRecord(
    OperationId id,
    String type,
    OperationState state,
    double value,
    String text,
    String owner,
    String key,
    String slot,
    Object parameters,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt,
    Instant finishedAt,
    String error,
    OperationResult result,
    boolean stopRequested,
    String node,
    Instant heartbeatAt,
    Duration retention,
    long epoch,
    String idempotencyKey,
    String fingerprint) {

  /**
   * Creates a new queued record.
   *
   * @param id the identifier
   * @param type the type's name
   * @param owner the starting principal, or null
   * @param key the caller-given key, or null
   * @param slot the scope slot, or null
   * @param parameters the parameters, or null
   * @param retention how long to keep it once final
   * @param now the current instant
   * @return the record
   */
  public static OperationRecord queued(
      OperationId id,
      String type,
      String owner,
      String key,
      String slot,
      Object parameters,
      Duration retention,
      Instant now) {
    return new OperationRecord(
        id,
        type,
        OperationState.QUEUED,
        0,
        null,
        owner,
        key,
        slot,
        parameters,
        now,
        null,
        now,
        null,
        null,
        OperationResult.none(),
        false,
        null,
        null,
        retention,
        0,
        null,
        null);
  }

  /**
   * This queued record with the idempotency key of its start.
   *
   * @param newKey the key, or null
   * @param newFingerprint what the start asked for, or null
   * @return the updated record
   */
  public OperationRecord withIdempotencyKey(String newKey, String newFingerprint) {
    return new OperationRecord(
        id,
        type,
        state,
        value,
        text,
        owner,
        key,
        slot,
        parameters,
        createdAt,
        startedAt,
        updatedAt,
        finishedAt,
        error,
        result,
        stopRequested,
        node,
        heartbeatAt,
        retention,
        epoch,
        newKey,
        newFingerprint);
  }

  /**
   * When a final record may be forgotten.
   *
   * @return {@code finishedAt + retention}, or null while active
   */
  public Instant evictAt() {
    return finishedAt == null ? null : finishedAt.plus(retention);
  }

  /**
   * This queued record, claimed by a node, with the next epoch.
   *
   * @param node the claiming node
   * @param now the current instant
   * @return the running record
   */
  public OperationRecord claimedBy(String node, Instant now) {
    return new OperationRecord(
        id,
        type,
        OperationState.RUNNING,
        value,
        text,
        owner,
        key,
        slot,
        parameters,
        createdAt,
        now,
        now,
        null,
        error,
        result,
        stopRequested,
        node,
        now,
        retention,
        epoch + 1,
        idempotencyKey,
        fingerprint);
  }

  /**
   * This record with new progress.
   *
   * @param newValue the fraction done
   * @param newText the text, or null
   * @param now the current instant
   * @return the updated record
   */
  public OperationRecord withProgress(double newValue, String newText, Instant now) {
    return new OperationRecord(
        id,
        type,
        state,
        newValue,
        newText,
        owner,
        key,
        slot,
        parameters,
        createdAt,
        startedAt,
        now,
        finishedAt,
        error,
        result,
        stopRequested,
        node,
        heartbeatAt,
        retention,
        epoch,
        idempotencyKey,
        fingerprint);
  }

  /**
   * This active record after a stop request: a queued one becomes {@code STOPPED} at once, a
   * running one {@code STOPPING}.
   *
   * @param newText the stop text, or null to keep the current text
   * @param now the current instant
   * @return the updated record
   */
  public OperationRecord withStopRequest(String newText, Instant now) {
    String t = newText == null ? text : newText;
    if (state == OperationState.QUEUED) {
      return finished(OperationState.STOPPED, value, t, null, OperationResult.none(), now)
          .withStopFlag();
    }
    return new OperationRecord(
        id,
        type,
        OperationState.STOPPING,
        value,
        t,
        owner,
        key,
        slot,
        parameters,
        createdAt,
        startedAt,
        now,
        finishedAt,
        error,
        result,
        true,
        node,
        heartbeatAt,
        retention,
        epoch,
        idempotencyKey,
        fingerprint);
  }

  /**
   * This record without its scope slot, so a new operation can take it.
   *
   * @return the updated record
   */
  public OperationRecord withoutSlot() {
    return new OperationRecord(
        id,
        type,
        state,
        value,
        text,
        owner,
        key,
        null,
        parameters,
        createdAt,
        startedAt,
        updatedAt,
        finishedAt,
        error,
        result,
        stopRequested,
        node,
        heartbeatAt,
        retention,
        epoch,
        idempotencyKey,
        fingerprint);
  }

  /**
   * This record with a fresh heartbeat.
   *
   * @param now the current instant
   * @return the updated record
   */
  public OperationRecord withHeartbeat(Instant now) {
    return new OperationRecord(
        id,
        type,
        state,
        value,
        text,
        owner,
        key,
        slot,
        parameters,
        createdAt,
        startedAt,
        updatedAt,
        finishedAt,
        error,
        result,
        stopRequested,
        node,
        now,
        retention,
        epoch,
        idempotencyKey,
        fingerprint);
  }

  /**
   * This record in a final state. It releases its slot and drops its parameters.
   *
   * @param finalState a final state
   * @param newValue the final fraction done
   * @param newText the final text, or null
   * @param newError the user-safe error, or null
   * @param newResult the result
   * @param now the current instant
   * @return the final record
   * @throws IllegalArgumentException if {@code finalState} is not final
   */
  public OperationRecord finished(
      OperationState finalState,
      double newValue,
      String newText,
      String newError,
      OperationResult newResult,
      Instant now) {
    if (!finalState.isFinal()) {
      throw new IllegalArgumentException(finalState + " is not a final state");
    }
    return new OperationRecord(
        id,
        type,
        finalState,
        newValue,
        newText,
        owner,
        key,
        null,
        null,
        createdAt,
        startedAt,
        now,
        now,
        newError,
        newResult,
        stopRequested,
        node,
        heartbeatAt,
        retention,
        epoch,
        idempotencyKey,
        fingerprint);
  }

  /**
   * Tells whether a write made under {@code writerEpoch} may change this record: it is active and
   * the writer holds its current epoch. Every store applies this check to progress and finishes.
   *
   * @param writerEpoch the epoch the writer got when it claimed the record, or 0 before a claim
   * @return true if the write is allowed
   */
  public boolean writableWith(long writerEpoch) {
    return state.isActive() && epoch == writerEpoch;
  }

  /**
   * This running record of a lost node, queued again from the start: it keeps its slot and
   * parameters, and its next claim gets the next epoch.
   *
   * @param now the current instant
   * @return the queued record
   */
  public OperationRecord requeued(Instant now) {
    return new OperationRecord(
        id,
        type,
        OperationState.QUEUED,
        0,
        text,
        owner,
        key,
        slot,
        parameters,
        createdAt,
        null,
        now,
        null,
        null,
        OperationResult.none(),
        false,
        null,
        null,
        retention,
        epoch,
        idempotencyKey,
        fingerprint);
  }

  /**
   * This record with other parameters, for a store that decodes them separately.
   *
   * @param newParameters the parameters, or null
   * @return the updated record
   */
  public OperationRecord withParameters(Object newParameters) {
    return new OperationRecord(
        id,
        type,
        state,
        value,
        text,
        owner,
        key,
        slot,
        newParameters,
        createdAt,
        startedAt,
        updatedAt,
        finishedAt,
        error,
        result,
        stopRequested,
        node,
        heartbeatAt,
        retention,
        epoch,
        idempotencyKey,
        fingerprint);
  }

  private OperationRecord withStopFlag() {
    return new OperationRecord(
        id,
        type,
        state,
        value,
        text,
        owner,
        key,
        slot,
        parameters,
        createdAt,
        startedAt,
        updatedAt,
        finishedAt,
        error,
        result,
        true,
        node,
        heartbeatAt,
        retention,
        epoch,
        idempotencyKey,
        fingerprint);
  }
}
