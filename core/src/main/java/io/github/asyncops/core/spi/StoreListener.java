package io.github.asyncops.core.spi;

import io.github.asyncops.core.OperationId;

/**
 * News that a shared store pushes to an engine, so the engine acts at once instead of at its next
 * housekeeping tick. The engine registers one through {@link OperationStore#listen}. Methods may be
 * called from any thread, must not be called while the store holds a lock the engine might need,
 * and must return quickly; they never throw.
 */
public interface StoreListener {

  /**
   * A record of the type was queued, perhaps by another node: the engine tries to claim work.
   *
   * @param type the type's name
   */
  void queued(String type);

  /**
   * A stop was requested for a record, perhaps on another node: the engine signals the worker if it
   * runs here.
   *
   * @param id the record
   */
  void stopRequested(OperationId id);

  /**
   * A record changed on another node: the engine tells its watchers of that operation.
   *
   * @param id the record
   */
  void changed(OperationId id);
}
