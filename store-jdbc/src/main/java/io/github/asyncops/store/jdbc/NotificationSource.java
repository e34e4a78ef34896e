package io.github.asyncops.store.jdbc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/** A connection that listens for the payloads other nodes notify; used by one thread. */
interface NotificationSource extends AutoCloseable {

  /**
   * Waits up to {@code timeout} for notifications.
   *
   * @return the payloads received, oldest first; empty if none arrived
   * @throws SQLException if the connection broke
   */
  List<String> await(Duration timeout) throws SQLException;

  /** Closes the connection; never throws. */
  @Override
  void close();
}
