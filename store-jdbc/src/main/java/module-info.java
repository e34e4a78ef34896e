/**
 * asyncops JDBC store: operations in a database that survive restarts and are shared by a cluster
 * of nodes. Start at {@link io.github.asyncops.store.jdbc.JdbcOperationStore}.
 */
module io.github.asyncops.store.jdbc {
  requires transitive io.github.asyncops.core;
  requires transitive java.sql;
  requires io.github.resilience4j.core;
  requires io.github.resilience4j.retry;
  // LISTEN/NOTIFY, when the driver is PostgreSQL's.
  requires static org.postgresql.jdbc;

  exports io.github.asyncops.store.jdbc;
}
