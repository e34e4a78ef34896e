package io.github.asyncops.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * What differs between the databases the store supports: the DDL, row locking, and how nodes are
 * told of changes. Like db-scheduler's {@code JdbcCustomization}, but closed: pick one of the
 * factories, or let {@link JdbcOperationStore.Builder#build()} detect it from the connection's
 * metadata.
 *
 * <p>Immutable and thread-safe.
 */
public abstract class JdbcDialect {

  JdbcDialect() {}

  /**
   * PostgreSQL 12 or later: claims with {@code FOR UPDATE SKIP LOCKED}, and pushes news to the
   * other nodes with {@code LISTEN/NOTIFY}. The production target for a cluster.
   *
   * @return the dialect
   */
  public static JdbcDialect postgresql() {
    return PostgresDialect.INSTANCE;
  }

  /**
   * H2 2.x, embedded: one node whose operations survive restarts. Nodes are not notified of each
   * other's changes, so do not share an H2 database between engines.
   *
   * @return the dialect
   */
  public static JdbcDialect h2() {
    return H2Dialect.INSTANCE;
  }

  /**
   * Picks the dialect from the database product name of a connection's metadata.
   *
   * @param dataSource where to borrow the connection
   * @return the dialect
   * @throws JdbcStoreException if the database is not supported or cannot be reached
   */
  public static JdbcDialect detect(DataSource dataSource) {
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new JdbcStoreException("could not read the database's metadata", e, false);
    }
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return postgresql();
    }
    if (name.equals("h2")) {
      return h2();
    }
    throw new JdbcStoreException(
        "unsupported database '" + product + "'; the JDBC store supports PostgreSQL and H2");
  }

  /**
   * The dialect's name, which is also the name of its DDL resource ({@code <name>.sql} next to this
   * class).
   *
   * @return {@code postgresql} or {@code h2}
   */
  public abstract String name();

  /** The clause that locks selected rows and skips rows other transactions hold. */
  abstract String lockSkippingLocked();

  /**
   * {@link #lockSkippingLocked()} where a database takes it inside a subquery of an UPDATE; empty
   * where it does not, which leaves the UPDATE's own row locks to keep claims apart.
   */
  abstract String lockSkippingLockedInSubquery();

  /**
   * A condition that a column's value is among the rows of a subquery that locks them, evaluated
   * once: PostgreSQL would otherwise run a LIMIT subquery again per row and lock more than its
   * limit.
   */
  abstract String inLockingSubquery(String column, String subquery);

  /**
   * Whether writes may do their side effects (queue counter, notification) in the same statement,
   * with data-modifying WITH queries.
   */
  abstract boolean foldsSideEffects();

  /** An UPDATE that answers the rows it changed, with these columns. */
  abstract String returning(String update, String columns);

  /** The instant of a timestamp parameter plus a column of milliseconds. */
  abstract String plusMillis(String millisColumn);

  /** A condition that a column's value is in an array parameter of strings. */
  abstract String inArray(String column);

  /**
   * A text column compared by code point, as Java compares strings, whatever the database's
   * collation: the id's part of the listing order. The DDL's listing indexes use the same.
   */
  abstract String byCodePoint(String column);

  /**
   * Serialises schema creation by nodes that start at once, in the current transaction; a no-op
   * where concurrent {@code CREATE ... IF NOT EXISTS} is safe.
   */
  abstract void lockSchema(Connection connection, String key) throws SQLException;

  /** Whether index names in DDL may carry a schema. */
  abstract boolean qualifiesIndexNames();

  /**
   * Tells the other nodes of a change, on commit of the current transaction; a no-op for a database
   * that cannot.
   */
  abstract void notify(Connection connection, String channel, String payload) throws SQLException;

  /** Analyzes a table that has no statistics yet; see {@link FirstAnalyze}. Nothing by default. */
  void analyzeIfNeverAnalyzed(Connection connection, String table) throws SQLException {}

  /** Opens a connection that listens on a channel, or returns null if the database cannot. */
  abstract NotificationSource listen(DataSource dataSource, String channel) throws SQLException;

  @Override
  public String toString() {
    return name();
  }
}
