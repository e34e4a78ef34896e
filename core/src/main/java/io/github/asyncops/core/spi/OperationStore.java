package io.github.asyncops.core.spi;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationSummary;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Progress;
import io.github.asyncops.core.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where operation records live. The engine is the only caller; it calls from any thread, so
 * implementations must be thread-safe, and every method must be atomic on its own.
 *
 * <p>The shape lets several engines ("nodes") share one store: a start only inserts a queued
 * record, and a node runs it after {@link #claim claiming} it; nodes {@link #heartbeat heartbeat}
 * what they run and learn of stop requests made elsewhere from the answer; and {@link #expire}
 * fails the operations of a node that stopped heartbeating. A store enforces that at most one
 * active record holds each (type, slot) pair, and that at most one record it holds, active or
 * final, has each (type, owner, {@link OperationRecord#idempotency() idempotency key}) triple (a
 * null owner is one owner of its own), so that a retried start that reaches another node finds the
 * first.
 *
 * <p>Fencing. Every claim gives the record the next {@link OperationRecord.Lease#epoch() epoch}.
 * The writes a node makes for an operation it runs ({@link #progress}, {@link #finish}) carry the
 * epoch it claimed, and the store applies them only while the record is active and still has that
 * epoch ({@link OperationRecord#writableWith}). A node that paused past its lease, or lost its
 * database connection, therefore never overwrites the state of the node that took the operation
 * over: its writes are refused, and the engine stops the worker.
 *
 * <p>Every write returns the record as stored, so the engine never reads back what it wrote; the
 * answers of {@link #progress} and {@link #finish} may leave the parameters out (null), which the
 * engine no longer needs by then.
 *
 * <p>Methods that throw pass the exception to the engine's caller, or, on the engine's own threads,
 * log it and retry on the next housekeeping tick. The contract is tested by {@code
 * OperationStoreContract} in asyncops-testing, which a store's own tests extend.
 */
public interface OperationStore {

  /**
   * Inserts a queued record, unless a held record of its type and owner has its idempotency key,
   * another active record of its type holds its slot, or the queue is full; checked in that order.
   * A key frees up when its record is evicted or deleted. Concurrent inserts with one key, on any
   * node, insert one record; the others answer {@link InsertResult.Replay} with it.
   *
   * @param record a {@code QUEUED} record
   * @param replaceActive whether to take the slot from an active holder: the holder then loses its
   *     slot and is stop-requested (see {@link OperationRecord#withStopRequest})
   * @param queueLimit the most records that may be queued at once, this one included
   * @return what happened
   */
  InsertResult insert(OperationRecord record, boolean replaceActive, int queueLimit);

  /**
   * Finds a record.
   *
   * @param id the identifier
   * @return the record, or empty if there is none
   */
  Optional<OperationRecord> find(OperationId id);

  /**
   * Tells whether a record with this id existed and was evicted or deleted recently, so that a
   * caller can tell "gone" from "never existed". A store may forget this after a while.
   *
   * @param id the identifier
   * @return true if the id is known to have been forgotten
   */
  boolean forgotten(OperationId id);

  /**
   * Lists the records that {@link OperationQuery#matches match} a query, in the order of {@link
   * OperationQuery#NEWEST_FIRST}, at most {@link OperationQuery#limit()} of them. The user API asks
   * for one type; the operator console asks for every type with the other filters and pages with
   * {@link OperationQuery#after()}, so a store holding many records serves both from an index on
   * (created at, id).
   *
   * @param query the filter, position and limit
   * @return the matching records
   */
  List<OperationRecord> list(OperationQuery query);

  /**
   * Counts the records held, for the operator console: per type and state, per running node, the
   * queue and the failures of the last hour (see {@link OperationSummary}). The adapter calls this
   * on a request thread, and about once a second while a console follows the summary. The default
   * pages through {@link #list} and counts every record, which is correct for any store but reads
   * them all; a store with many records counts with its indexes instead.
   *
   * @param now the current instant, which the failures of the last hour count back from
   * @return the summary
   */
  default OperationSummary summary(Instant now) {
    int pageSize = 1_000; // enough to amortise a round trip, small enough to hold
    OperationSummary.Tally tally = OperationSummary.tally(now);
    OperationQuery page = OperationQuery.all().withLimit(pageSize);
    while (true) {
      List<OperationRecord> records = list(page);
      records.forEach(tally::add);
      if (records.size() < pageSize) {
        return tally.build();
      }
      page = page.withAfter(OperationQuery.Cursor.of(records.get(records.size() - 1)));
    }
  }

  /**
   * Atomically moves up to {@code request.max()} of the oldest queued records of a type to {@code
   * RUNNING}, held by the requesting node, each with the next epoch. No record is ever claimed
   * twice. The engine asks for as many as it has free slots, so one call claims a batch.
   *
   * @param request the type, how many and the claiming node
   * @param now the current instant
   * @return the claimed records
   */
  List<OperationRecord> claim(ClaimRequest request, Instant now);

  /**
   * Records a stop request on an active record (see {@link OperationRecord#withStopRequest}).
   *
   * @param id the identifier
   * @param text the stop text, or null to keep the current text
   * @param now the current instant
   * @return the record after the request, or its current state if it was already final; empty if
   *     there is none
   */
  Optional<OperationRecord> requestStop(OperationId id, String text, Instant now);

  /**
   * Stores the latest progress of an active record whose epoch is {@code epoch}. The engine
   * throttles these calls ({@link #progressInterval()}), so a store writes each one.
   *
   * @param id the identifier
   * @param epoch the epoch the writer claimed the record with, or 0 while it is queued
   * @param progress the fraction done and text
   * @param now the current instant
   * @return the record as stored; empty if the write was refused because the record is missing,
   *     final or has another epoch, which tells a node that it lost the operation
   */
  Optional<OperationRecord> progress(OperationId id, long epoch, Progress progress, Instant now);

  /**
   * Moves an active record whose epoch is {@code epoch} to a final state.
   *
   * @param id the identifier
   * @param epoch the epoch the writer claimed the record with, or 0 while it is queued
   * @param ending the final state, progress, error and result
   * @param now the current instant
   * @return the final record; empty if there is none, it was already final, it has another epoch,
   *     or the store keeps the finish to write it later
   */
  Optional<OperationRecord> finish(OperationId id, long epoch, Ending ending, Instant now);

  /**
   * Moves an active record to a final state, like {@link #finish}, and claims queued records, like
   * {@link #claim}. The engine calls this when a worker thread ends an operation while work of its
   * type is queued, to hand the freed slot to the next one. The claim happens even if the finish is
   * refused. The default calls the two methods; a store shared by nodes does both in one
   * transaction.
   *
   * @param id the identifier of the record to finish
   * @param epoch the epoch the writer claimed it with
   * @param ending the final state, progress, error and result
   * @param next what to claim
   * @param now the current instant
   * @return the finish and the claimed records
   */
  default Handover finishAndClaim(
      OperationId id, long epoch, Ending ending, ClaimRequest next, Instant now) {
    Optional<OperationRecord> finished = finish(id, epoch, ending, now);
    return new Handover(finished, claim(next, now));
  }

  /**
   * Confirms that {@code node} still runs these records, with the epochs it claimed them with. A
   * store shared by nodes does this in a constant number of statements, whatever the backlog.
   *
   * @param node the node
   * @param held the records it runs, each with its epoch
   * @param now the current instant
   * @return which of them have a stop request, and which the node no longer holds
   */
  Heartbeat heartbeat(String node, Map<OperationId, Long> held, Instant now);

  /**
   * Ends or requeues every running or stopping record whose heartbeat is older than {@code
   * staleBefore}, because its node is presumed lost. A running record of a type {@link #register
   * registered} as {@link OperationType#restartable() restartable} is {@linkplain
   * OperationRecord#requeued queued again} if it is {@linkplain OperationRecord#requeuable()
   * requeuable}, so another node runs it from the start; every other one fails with {@code error}.
   * Either way its epoch fences off the lost node's writes.
   *
   * @param staleBefore the oldest heartbeat still accepted
   * @param error the error to record, for example "node lost"
   * @param now the current instant
   * @return the records that were failed or queued again, as stored
   */
  List<OperationRecord> expire(Instant staleBefore, String error, Instant now);

  /**
   * Forgets every final record whose {@link OperationRecord#evictAt()} is not after {@code now}.
   * The engine does not call this itself; the default {@link #tick} does.
   *
   * @param now the current instant
   * @return how many records were forgotten
   */
  int evict(Instant now);

  /**
   * Does the store's periodic work. The engine calls this at every housekeeping tick, on its
   * scheduler thread, never twice at once; an exception is logged and the next tick calls again.
   * The default {@linkplain #evict evicts}; a store shared by nodes may evict in batches on a
   * slower schedule of its own and do other upkeep here.
   *
   * @param now the current instant
   */
  default void tick(Instant now) {
    evict(now);
  }

  /**
   * The least time between two progress writes of one operation that this store wants. The engine
   * holds back reports in between and writes the last one once the interval has passed; state
   * changes are written at once. This is the only progress throttle. The default, zero, writes at
   * every housekeeping tick that saw a change.
   *
   * @return not negative
   */
  default Duration progressInterval() {
    return Duration.ZERO;
  }

  /**
   * Forgets one final record at once.
   *
   * @param id the identifier
   * @return true if a final record was forgotten; false if there was none or it is active
   */
  boolean delete(OperationId id);

  /**
   * Tells the store every operation type the engine runs. The engine calls this once, when it
   * starts, on the thread that builds it, before {@link #listen} and before any other call; an
   * exception fails the engine's start. A store shared by several nodes learns from it what it
   * cannot read from the database: the class each type's parameters decode into ({@link
   * OperationType#parameterType()}) and which types to queue again when their node is lost ({@link
   * OperationType#restartable()}). The default ignores it, which suits a store that keeps
   * parameters as objects.
   *
   * @param types every type the engine runs, in name order; unmodifiable
   */
  default void register(List<OperationType> types) {}

  /**
   * Lets a store shared by several nodes push news from the others (see {@link StoreListener}). The
   * engine calls this once, when it starts. Without it, nodes learn of remote changes at their
   * housekeeping tick and heartbeat. The default does nothing, which suits a store used by one
   * engine.
   *
   * @param listener the engine's listener
   * @return what the engine closes when it shuts down, so a store that outlives it lets it go
   */
  default Subscription listen(StoreListener listener) {
    return () -> {};
  }
}
