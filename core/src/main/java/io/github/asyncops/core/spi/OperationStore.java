package io.github.asyncops.core.spi;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationResult;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationType;
import io.github.asyncops.core.Subscription;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where operation records live. The engine is the only caller; it calls from any thread, so
 * implementations must be thread-safe, and every method must be atomic on its own.
 *
 * <p>The shape lets several engines ("nodes") share one store: a start only inserts a queued
 * record, and a node runs it after {@link #claim claiming} it; nodes {@link #heartbeat heartbeat}
 * what they run and learn of stop requests made elsewhere from the answer; and {@link #expire}
 * fails the operations of a node that stopped heartbeating. A store enforces that at most one
 * active record holds each (type, slot) pair.
 *
 * <p>Methods that throw pass the exception to the engine's caller, or, on the engine's own threads,
 * log it and retry on the next housekeeping tick. The contract is tested by {@code
 * OperationStoreContract} in core's test-jar.
 */
public interface OperationStore {

  /**
   * Inserts a queued record, unless another active record of its type holds its slot or the queue
   * is full.
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
   * Lists records of one type, newest first.
   *
   * @param query the filter and limit
   * @return the matching records
   */
  List<OperationRecord> list(OperationQuery query);

  /**
   * Atomically moves up to {@code max} of the oldest queued records of a type to {@code RUNNING},
   * held by {@code node}. No record is ever claimed twice.
   *
   * @param type the type's name
   * @param max the most records to claim, at least 1
   * @param node the claiming node
   * @param now the current instant
   * @return the claimed records
   */
  List<OperationRecord> claim(String type, int max, String node, Instant now);

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
   * Stores the latest progress of an active record; ignored for a final or missing one.
   *
   * @param id the identifier
   * @param value the fraction done
   * @param text the text, or null
   * @param now the current instant
   */
  void progress(OperationId id, double value, String text, Instant now);

  /**
   * Moves an active record to a final state.
   *
   * @param id the identifier
   * @param state a final state
   * @param value the final fraction done
   * @param text the final text, or null
   * @param error the user-safe error, or null
   * @param result the result
   * @param now the current instant
   * @return the final record, or empty if there is none or it was already final
   */
  Optional<OperationRecord> finish(
      OperationId id,
      OperationState state,
      double value,
      String text,
      String error,
      OperationResult result,
      Instant now);

  /**
   * Confirms that {@code node} still runs these records.
   *
   * @param node the node
   * @param ids the records it runs
   * @param now the current instant
   * @return those of {@code ids} that have a stop request, so a stop made on another node reaches
   *     this one
   */
  Set<OperationId> heartbeat(String node, Collection<OperationId> ids, Instant now);

  /**
   * Fails every running or stopping record whose heartbeat is older than {@code staleBefore},
   * because its node is presumed dead.
   *
   * @param staleBefore the oldest heartbeat still accepted
   * @param error the error to record, for example "node lost"
   * @param now the current instant
   * @return the records that were failed
   */
  List<OperationRecord> expire(Instant staleBefore, String error, Instant now);

  /**
   * Forgets every final record whose {@link OperationRecord#evictAt()} is not after {@code now}.
   *
   * @param now the current instant
   * @return how many records were forgotten
   */
  int evict(Instant now);

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
