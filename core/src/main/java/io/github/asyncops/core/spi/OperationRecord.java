package io.github.asyncops.core.spi;

import io.github.asyncops.core.Message;
import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One operation as an {@link OperationStore} keeps it. Immutable; the transition methods return
 * updated copies, so every store applies the same rules.
 *
 * <p>The components fall into what the start asked for (id to retention), where the operation is
 * (state to outcome), and the bookkeeping of times, the running node's {@link Lease} and the
 * start's {@link Idempotency}.
 *
 * @param id the identifier
 * @param type the operation type's name
 * @param owner the starting principal, or null
 * @param key the caller-given key, or null
 * @param slot the scope slot that at most one active operation of the type may hold, or null when
 *     the operation holds none (scope {@code NONE}, or after a restart released it)
 * @param parameters the worker's parameters, or null
 * @param retention how long it is kept once final
 * @param state the state
 * @param progress the fraction done and the last status text
 * @param stopRequested whether a stop was requested
 * @param outcome the error and result, {@link Outcome#NONE} until it ends
 * @param times when it was accepted, claimed, last changed and ended
 * @param lease the node running it and the fencing epoch
 * @param idempotency the start's idempotency key, or null: while the store holds this record, an
 *     insert of the same type, owner and key answers {@link InsertResult.Replay} with it; final
 *     records keep it until they are forgotten
 */
public record OperationRecord(
    OperationId id,
    String type,
    String owner,
    String key,
    String slot,
    Object parameters,
    Duration retention,
    OperationState state,
    Progress progress,
    boolean stopRequested,
    Outcome outcome,
    Times times,
    Lease lease,
    Idempotency idempotency) {

  /**
   * Checks the parts that may not be null.
   *
   * @param id the identifier
   * @param type the operation type's name
   * @param owner the starting principal, or null
   * @param key the caller-given key, or null
   * @param slot the scope slot, or null
   * @param parameters the worker's parameters, or null
   * @param retention how long it is kept once final
   * @param state the state
   * @param progress the fraction done and the last status text
   * @param stopRequested whether a stop was requested
   * @param outcome the error and result
   * @param times when it was accepted, claimed, last changed and ended
   * @param lease the node running it and the fencing epoch
   * @param idempotency the start's idempotency key, or null
   * @throws NullPointerException if {@code id}, {@code type}, {@code retention}, {@code state},
   *     {@code progress}, {@code outcome}, {@code times} or {@code lease} is null
   */
  public OperationRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(lease, "lease");
  }

  /**
   * How an operation ended, once it has.
   *
   * @param error the user-safe failure message, or null
   * @param result the result, {@link OperationResult#none()} when there is none
   * @param cause what the worker threw, as stack trace text of at most {@link Ending#MAX_CAUSE}
   *     characters, or null; for operators only, never shown to the operation's user
   * @param errorMessage the failure as a message, which each viewer reads in their own language, or
   *     null when the error is plain text; {@code error} is then its rendering in the default
   *     language of the node that ran the operation
   */
  public record Outcome(String error, OperationResult result, String cause, Message errorMessage) {
    /** No error and no result: every active record's outcome. */
    public static final Outcome NONE = new Outcome(null, OperationResult.none(), null, null);

    /**
     * Checks the result.
     *
     * @param error the user-safe failure message, or null
     * @param result the result
     * @param cause the stack trace text, or null
     * @param errorMessage the failure as a message, or null
     * @throws NullPointerException if {@code result} is null
     */
    public Outcome {
      Objects.requireNonNull(result, "result");
    }

    /**
     * An outcome whose error, if any, is plain text.
     *
     * @param error the user-safe failure message, or null
     * @param result the result
     * @param cause the stack trace text, or null
     * @throws NullPointerException if {@code result} is null
     */
    public Outcome(String error, OperationResult result, String cause) {
      this(error, result, cause, null);
    }

    /**
     * An outcome without a cause.
     *
     * @param error the user-safe failure message, or null
     * @param result the result
     * @throws NullPointerException if {@code result} is null
     */
    public Outcome(String error, OperationResult result) {
      this(error, result, null);
    }
  }

  /**
   * When an operation was accepted, claimed, last changed and ended.
   *
   * @param createdAt when it was accepted
   * @param startedAt when it was claimed to run, or null
   * @param updatedAt when it last changed
   * @param finishedAt when it became final, or null
   */
  public record Times(Instant createdAt, Instant startedAt, Instant updatedAt, Instant finishedAt) {
    /**
     * The times of a record accepted now.
     *
     * @param now the current instant
     * @return created and updated now, neither started nor finished
     */
    public static Times created(Instant now) {
      return new Times(now, null, now, null);
    }

    Times updated(Instant now) {
      return new Times(createdAt, startedAt, now, finishedAt);
    }
  }

  /**
   * Which node runs an operation, and the fencing token it claimed it with.
   *
   * @param node the engine node running it, or null while queued
   * @param heartbeatAt when that node last confirmed it is running it, or null
   * @param epoch 0 until the first claim, then one more at every claim, so a node that lost an
   *     operation (its lease ran out and it was failed or claimed again) holds an older epoch, and
   *     the store refuses its writes
   */
  public record Lease(String node, Instant heartbeatAt, long epoch) {
    /** The lease of a record never claimed. */
    public static final Lease NONE = new Lease(null, null, 0);

    /**
     * Tells whether {@code node} holds this lease under {@code epoch}.
     *
     * @param holder the node
     * @param heldEpoch the epoch it claimed with
     * @return true if both match
     */
    public boolean heldBy(String holder, long heldEpoch) {
      return epoch == heldEpoch && holder.equals(node);
    }
  }

  /**
   * The idempotency key of a start.
   *
   * @param key the key the caller sent
   * @param fingerprint what the start asked for (see {@link
   *     io.github.asyncops.core.StartRequest#withIdempotencyKey}), so a retry that asks for
   *     something else is told apart
   */
  public record Idempotency(String key, String fingerprint) {
    /**
     * Checks the key.
     *
     * @param key the key the caller sent
     * @param fingerprint what the start asked for, or null
     * @throws NullPointerException if {@code key} is null
     */
    public Idempotency {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * How many times a store queues one operation again after its node was lost (see {@link
   * OperationStore#expire}); the next loss fails it.
   */
  public static final int MAX_RESTARTS = 3;

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
        owner,
        key,
        slot,
        parameters,
        retention,
        OperationState.QUEUED,
        Progress.NONE,
        false,
        Outcome.NONE,
        Times.created(now),
        Lease.NONE,
        null);
  }

  /**
   * This queued record with the idempotency key of its start.
   *
   * @param newIdempotency the key, or null
   * @return the updated record
   */
  public OperationRecord withIdempotency(Idempotency newIdempotency) {
    return edit().idempotency(newIdempotency).build();
  }

  /**
   * When a final record may be forgotten.
   *
   * @return {@code finishedAt + retention}, or null while active
   */
  public Instant evictAt() {
    return times.finishedAt() == null ? null : times.finishedAt().plus(retention);
  }

  /**
   * This queued record, claimed by a node, with the next epoch.
   *
   * @param node the claiming node
   * @param now the current instant
   * @return the running record
   */
  public OperationRecord claimedBy(String node, Instant now) {
    return edit()
        .state(OperationState.RUNNING)
        .times(new Times(times.createdAt(), now, now, null))
        .lease(new Lease(node, now, lease.epoch() + 1))
        .build();
  }

  /**
   * This record with new progress.
   *
   * @param newProgress the fraction done and text
   * @param now the current instant
   * @return the updated record
   */
  public OperationRecord withProgress(Progress newProgress, Instant now) {
    return edit().progress(newProgress).times(times.updated(now)).build();
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
    Progress shown = newText == null ? progress : new Progress(progress.value(), newText);
    if (state == OperationState.QUEUED) {
      return edit().stopRequested(true).build().finished(Ending.stopped(shown), now);
    }
    return edit()
        .state(OperationState.STOPPING)
        .progress(shown)
        .stopRequested(true)
        .times(times.updated(now))
        .build();
  }

  /**
   * This record without its scope slot, so a new operation can take it.
   *
   * @return the updated record
   */
  public OperationRecord withoutSlot() {
    return edit().slot(null).build();
  }

  /**
   * This record with a fresh heartbeat.
   *
   * @param now the current instant
   * @return the updated record
   */
  public OperationRecord withHeartbeat(Instant now) {
    return edit().lease(new Lease(lease.node(), now, lease.epoch())).build();
  }

  /**
   * This record in a final state. It releases its slot and drops its parameters.
   *
   * @param ending how it ended
   * @param now the current instant
   * @return the final record
   */
  public OperationRecord finished(Ending ending, Instant now) {
    return edit()
        .state(ending.state())
        .progress(ending.last())
        .outcome(
            new Outcome(ending.error(), ending.result(), ending.cause(), ending.errorMessage()))
        .slot(null)
        .parameters(null)
        .times(new Times(times.createdAt(), times.startedAt(), now, now))
        .build();
  }

  /**
   * Tells whether a write made under {@code writerEpoch} may change this record: it is active and
   * the writer holds its current epoch, and a queued record takes only the writes of its start
   * (epoch 0), so a node whose operation was {@linkplain #requeued queued again} cannot write it.
   * Every store applies this check to progress and finishes.
   *
   * @param writerEpoch the epoch the writer got when it claimed the record, or 0 before a claim
   * @return true if the write is allowed
   */
  public boolean writableWith(long writerEpoch) {
    if (lease.epoch() != writerEpoch) {
      return false;
    }
    return state == OperationState.QUEUED ? writerEpoch == 0 : state.isActive();
  }

  /**
   * Tells whether {@link OperationStore#expire} queues this record again when its node is lost,
   * provided its type is restartable: it is running (not stopping) and was queued again fewer than
   * {@link #MAX_RESTARTS} times, which its epoch counts.
   *
   * @return true if a loss queues it again
   */
  public boolean requeuable() {
    return state == OperationState.RUNNING && lease.epoch() <= MAX_RESTARTS;
  }

  /**
   * This running record of a lost node, queued again from the start: it keeps its slot, parameters
   * and text, and its next claim gets the next epoch.
   *
   * @param now the current instant
   * @return the queued record
   */
  public OperationRecord requeued(Instant now) {
    return edit()
        .state(OperationState.QUEUED)
        .progress(progress.at(0))
        .stopRequested(false)
        .outcome(Outcome.NONE)
        .times(new Times(times.createdAt(), null, now, null))
        .lease(new Lease(null, null, lease.epoch()))
        .build();
  }

  /**
   * This record with other parameters, for a store that decodes them separately.
   *
   * @param newParameters the parameters, or null
   * @return the updated record
   */
  public OperationRecord withParameters(Object newParameters) {
    return edit().parameters(newParameters).build();
  }

  private Edit edit() {
    return new Edit(this);
  }

  /** A copy of a record in which a transition names only what it changes. */
  private static final class Edit {
    private final OperationRecord from;
    private String slot;
    private Object parameters;
    private OperationState state;
    private Progress progress;
    private boolean stopRequested;
    private Outcome outcome;
    private Times times;
    private Lease lease;
    private Idempotency idempotency;

    Edit(OperationRecord from) {
      this.from = from;
      this.slot = from.slot;
      this.parameters = from.parameters;
      this.state = from.state;
      this.progress = from.progress;
      this.stopRequested = from.stopRequested;
      this.outcome = from.outcome;
      this.times = from.times;
      this.lease = from.lease;
      this.idempotency = from.idempotency;
    }

    Edit slot(String value) {
      slot = value;
      return this;
    }

    Edit parameters(Object value) {
      parameters = value;
      return this;
    }

    Edit state(OperationState value) {
      state = value;
      return this;
    }

    Edit progress(Progress value) {
      progress = value;
      return this;
    }

    Edit stopRequested(boolean value) {
      stopRequested = value;
      return this;
    }

    Edit outcome(Outcome value) {
      outcome = value;
      return this;
    }

    Edit times(Times value) {
      times = value;
      return this;
    }

    Edit lease(Lease value) {
      lease = value;
      return this;
    }

    Edit idempotency(Idempotency value) {
      idempotency = value;
      return this;
    }

    OperationRecord build() {
      return new OperationRecord(
          from.id,
          from.type,
          from.owner,
          from.key,
          slot,
          parameters,
          from.retention,
          state,
          progress,
          stopRequested,
          outcome,
          times,
          lease,
          idempotency);
    }
  }
}
