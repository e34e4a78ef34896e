package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps download results that are larger than {@link JdbcOperationStore.Builder#maxResultBytes},
 * for example in an object store or on a volume every node mounts. Without one, such a download
 * fails its operation.
 *
 * <p>Every node that serves downloads needs the same blob store. Implementations must be
 * thread-safe; the store calls them on the engine's threads (write, delete) and on the thread that
 * serves a download (read).
 */
public interface BlobStore {

  /**
   * Stores an operation's download, when its operation finishes.
   *
   * @param id the operation
   * @param content the bytes; the blob store reads it to the end and does not close it
   * @return how many bytes were stored
   * @throws IOException if the content cannot be read or stored; the operation then fails
   */
  long write(OperationId id, InputStream content) throws IOException;

  /**
   * Opens a stored download, each time it is downloaded.
   *
   * @param id the operation
   * @return a fresh stream, which the caller closes
   * @throws IOException if it cannot be read
   */
  InputStream read(OperationId id) throws IOException;

  /**
   * Deletes a stored download after its operation was forgotten. Deleting a missing one does
   * nothing. A failure is logged and not retried.
   *
   * @param id the operation
   * @throws IOException if it cannot be deleted
   */
  void delete(OperationId id) throws IOException;
}
