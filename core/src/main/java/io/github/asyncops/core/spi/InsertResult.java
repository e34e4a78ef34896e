package io.github.asyncops.core.spi;

/** What {@link OperationStore#insert} did. */
public sealed interface InsertResult
    permits InsertResult.Inserted, InsertResult.Conflict, InsertResult.Full, InsertResult.Replay {

  /**
   * The record was inserted.
   *
   * @param record the inserted record
   * @param replaced the active record whose slot it took (now stop-requested), or null
   */
  record Inserted(OperationRecord record, OperationRecord replaced) implements InsertResult {}

  /**
   * Nothing was inserted: another active record holds the slot.
   *
   * @param active that record
   */
  record Conflict(OperationRecord active) implements InsertResult {}

  /**
   * Nothing was inserted: the queue limit is reached.
   *
   * @param queued how many records are queued
   */
  record Full(int queued) implements InsertResult {}

  /**
   * Nothing was inserted: a record the store still holds (active, or final and not yet forgotten)
   * has the same type, owner and {@link OperationRecord#idempotency() idempotency key}. This answer
   * comes before a {@link Conflict} or {@link Full} one.
   *
   * @param existing that record
   */
  record Replay(OperationRecord existing) implements InsertResult {}
}
