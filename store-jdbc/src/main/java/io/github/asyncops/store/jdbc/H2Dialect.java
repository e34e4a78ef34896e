package io.github.asyncops.store.jdbc;

import java.sql.Connection;
import javax.sql.DataSource;

/**
 * H2, embedded and used by one node. H2 applies {@code FETCH FIRST} before it skips locked rows, so
 * two threads claiming at once may find nothing although more is queued; the engine's next tick
 * claims it, which costs one node at most a tick of latency.
 */
final class H2Dialect extends JdbcDialect {
  static final H2Dialect INSTANCE = new H2Dialect();

  private H2Dialect() {}

  @Override
  public String name() {
    return "h2";
  }

  @Override
  String lockSkippingLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  @Override
  void lockSchema(Connection connection, String key) {}

  @Override
  boolean qualifiesIndexNames() {
    return true;
  }

  @Override
  void notify(Connection connection, String channel, String payload) {}

  @Override
  NotificationSource listen(DataSource dataSource, String channel) {
    return null;
  }
}
