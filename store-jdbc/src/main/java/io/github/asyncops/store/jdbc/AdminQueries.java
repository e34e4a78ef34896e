package io.github.asyncops.store.jdbc;

import io.github.asyncops.core.OperationId;
import io.github.asyncops.core.OperationQuery;
import io.github.asyncops.core.OperationState;
import io.github.asyncops.core.OperationSummary;
import io.github.asyncops.core.spi.OperationRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Lists with every filter of {@link OperationQuery} and the operator console's summary, each a few
 * indexed statements on one connection.
 *
 * <p>Design notes. A list is one statement, newest first by {@code (created_at, id)} with the id
 * compared by code point ({@link JdbcDialect#byCodePoint}), as {@link OperationQuery.Cursor#ORDER}
 * orders. It walks the record's {@code asyncops_record_type_created} when a type is given and
 * {@code asyncops_record_created} otherwise, each record with its queue row if it has one; the
 * creation range and the cursor ({@code (created_at, id) < (?, ?)}, a row comparison that both
 * databases turn into an index range) bound that walk, and owner, key, states, node and id prefix
 * filter it, so a page reads about its limit of rows when the filters are not rare, and never skips
 * with OFFSET. A list of active operations only starts from the queue table instead, which holds
 * only them. Final states are the record's own column; active states and nodes are the queue row's.
 * The summary reads no record but the oldest queued: the active operations per type and state and
 * the running ones per node from the short queue table, the ended ones per type and state from the
 * tally ({@link Records}), the failures of the last hour from the failure table's index on their
 * end.
 */
final class AdminQueries {
  private final Database db;
  private final Rows rows;
  private final Tables tables;
  private final JdbcDialect dialect;

  AdminQueries(Database db, Rows rows) {
    this.db = db;
    this.rows = rows;
    this.tables = db.sql.tables();
    this.dialect = db.dialect;
  }

  /** A statement's text and what to bind, in order. */
  private record Bound(String sql, List<Object> values) {
    PreparedStatement prepare(Connection c) throws SQLException {
      PreparedStatement statement = c.prepareStatement(sql);
      for (int i = 0; i < values.size(); i++) {
        Object value = values.get(i);
        if (value instanceof Instant instant) {
          statement.setObject(i + 1, Database.timestamp(instant));
        } else {
          statement.setObject(i + 1, value);
        }
      }
      return statement;
    }
  }

  List<OperationRecord> list(OperationQuery q) {
    Bound list = listing(q);
    return db.consoleRead(
        "list operations" + (q.type() == null ? "" : " of " + q.type()),
        (c, attempt) -> {
          List<OperationRecord> found = new ArrayList<>();
          try (PreparedStatement statement = db.limit(list.prepare(c));
              ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              found.add(rows.read(rs));
            }
          }
          return found;
        });
  }

  private Bound listing(OperationQuery q) {
    List<String> where = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    // A list of active operations only reads the queue table, which holds only them and their
    // creation, in the listing order, and looks their records up by primary key.
    boolean activeOnly =
        q.activeOnly()
            || (!q.states().isEmpty() && q.states().stream().allMatch(OperationState::isActive));
    String t = activeOnly ? "j" : "r";
    String id = dialect.byCodePoint(t + ".id");
    if (q.type() != null) {
      where.add(t + ".type_name = ?");
      values.add(q.type());
    }
    if (q.owner() != null) {
      where.add("r.owner_name = ?");
      values.add(q.owner());
    }
    if (q.key() != null) {
      where.add("r.caller_key = ?");
      values.add(q.key());
    }
    if (!q.states().isEmpty()) {
      where.add(
          q.states().stream()
              .map(AdminQueries::inState)
              .sorted()
              .collect(Collectors.joining(" OR ", "(", ")")));
    }
    if (q.node() != null) {
      // A record's node is null while it is active, the queue row's once it has ended.
      where.add(activeOnly ? "j.node = ?" : "COALESCE(j.node, r.node) = ?");
      values.add(q.node());
    }
    if (q.createdFrom() != null) {
      where.add(t + ".created_at >= ?");
      values.add(microsUp(q.createdFrom()));
    }
    if (q.createdTo() != null) {
      where.add(t + ".created_at < ?");
      values.add(microsUp(q.createdTo()));
    }
    if (q.idPrefix() != null && !q.idPrefix().isEmpty()) {
      // Ids are ASCII (OperationId), so the range is exact and lets the primary key serve a rare
      // prefix; the LIKE keeps the answer right for any text.
      String prefix = q.idPrefix();
      char last = prefix.charAt(prefix.length() - 1);
      if (last < Character.MAX_VALUE) {
        where.add(id + " >= ? AND " + id + " < ?");
        values.add(prefix);
        values.add(prefix.substring(0, prefix.length() - 1) + (char) (last + 1));
      }
      where.add("r.id LIKE ? ESCAPE '\\'");
      values.add(escapeLike(prefix) + "%");
    }
    if (q.after() != null) {
      where.add("(" + t + ".created_at, " + id + ") < (?, ?)");
      values.add(q.after().createdAt());
      values.add(q.after().id().value());
    }
    values.add(q.limit());
    String sql =
        "SELECT "
            + Sql.COLUMNS
            + " FROM "
            + (activeOnly ? activeFrom() : Sql.from(tables))
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY "
            + t
            + ".created_at DESC, "
            + id
            + " DESC FETCH FIRST ? ROWS ONLY";
    return new Bound(sql, values);
  }

  /**
   * The queue rows joined to their records for a list of active operations, the queue rows sorted
   * in the listing order before their records are read, so that a page reads about its limit of
   * records, not one per active operation: a subquery with an ORDER BY stays a subquery whose order
   * the join keeps, and on PostgreSQL the record is a lateral lookup that the planner cannot turn
   * into a hash join.
   */
  private String activeFrom() {
    String id = dialect.byCodePoint("id");
    return "(SELECT * FROM "
        + tables.job()
        + " ORDER BY created_at DESC, "
        + id
        + " DESC) j"
        + (db.sql.folded
            ? " CROSS JOIN LATERAL (SELECT * FROM "
                + tables.record()
                + " WHERE id = j.id FETCH FIRST 1 ROWS ONLY) r"
            : " JOIN " + tables.record() + " r ON r.id = j.id");
  }

  /**
   * The condition that a record read with its queue row is in a state, on the columns themselves so
   * that the plan can filter before it joins: final states are the record's column (an active
   * record's says QUEUED), active states the queue row's booleans. Enum names as literals, as
   * everywhere in this store.
   */
  private static String inState(OperationState state) {
    return switch (state) {
      case QUEUED -> "NOT j.running";
      case RUNNING -> "(j.running AND NOT j.stop_requested)";
      case STOPPING -> "(j.running AND j.stop_requested)";
      default -> "r.state = '" + state.name() + "'";
    };
  }

  OperationSummary summary(Instant now) {
    return db.consoleRead(
        "summarise the operations",
        (c, attempt) -> {
          Map<String, Map<OperationState, Long>> counts = new TreeMap<>();
          List<OperationSummary.Node> nodes = active(c, counts);
          endedCounts(c, counts);
          long queued = 0;
          for (Map<OperationState, Long> byState : counts.values()) {
            queued += byState.getOrDefault(OperationState.QUEUED, 0L);
          }
          return new OperationSummary(
              counts,
              nodes,
              queued,
              failedSince(c, now.minus(OperationSummary.FAILURE_WINDOW)),
              queued == 0 ? null : oldestQueued(c),
              now);
        });
  }

  /**
   * The active operations per type and state, and the running ones per node with their latest
   * heartbeat: one scan of the queue table, which holds only active operations.
   */
  private List<OperationSummary.Node> active(
      Connection c, Map<String, Map<OperationState, Long>> counts) throws SQLException {
    Map<String, OperationSummary.Node> nodes = new TreeMap<>();
    try (PreparedStatement statement =
            db.limit(
                c.prepareStatement(
                    "SELECT type_name, running, stop_requested, node, count(*), max(heartbeat_at) FROM "
                        + tables.job()
                        + " GROUP BY type_name, running, stop_requested, node"));
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        boolean running = rs.getBoolean(2);
        OperationState state =
            !running
                ? OperationState.QUEUED
                : rs.getBoolean(3) ? OperationState.STOPPING : OperationState.RUNNING;
        long n = rs.getLong(5);
        counts
            .computeIfAbsent(rs.getString(1), t -> new EnumMap<>(OperationState.class))
            .merge(state, n, Long::sum);
        String node = rs.getString(4);
        if (running && node != null) {
          Instant seen = instant(rs, 6);
          nodes.merge(
              node,
              new OperationSummary.Node(node, n, seen),
              (a, b) ->
                  new OperationSummary.Node(
                      node,
                      a.running() + b.running(),
                      a.lastSeen() == null
                              || (b.lastSeen() != null && b.lastSeen().isAfter(a.lastSeen()))
                          ? b.lastSeen()
                          : a.lastSeen()));
        }
      }
    }
    return new ArrayList<>(nodes.values());
  }

  /** The ended operations per type and final state, from the tally. */
  private void endedCounts(Connection c, Map<String, Map<OperationState, Long>> counts)
      throws SQLException {
    try (PreparedStatement statement =
            db.limit(
                c.prepareStatement(
                    "SELECT type_name, state, SUM(count) FROM "
                        + tables.tally()
                        + " GROUP BY type_name, state"));
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        long n = rs.getLong(3);
        if (n != 0) {
          counts
              .computeIfAbsent(rs.getString(1), t -> new EnumMap<>(OperationState.class))
              .put(OperationState.valueOf(rs.getString(2)), n);
        }
      }
    }
  }

  private long failedSince(Connection c, Instant since) throws SQLException {
    try (PreparedStatement statement =
        db.limit(
            c.prepareStatement(
                "SELECT count(*) FROM " + tables.failure() + " WHERE finished_at >= ?"))) {
      statement.setObject(1, Database.timestamp(microsUp(since)));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The oldest queued record, from the queue's rows that wait. */
  private OperationSummary.Queued oldestQueued(Connection c) throws SQLException {
    try (PreparedStatement statement =
            db.limit(
                c.prepareStatement(
                    "SELECT id, type_name, created_at FROM "
                        + tables.job()
                        + " WHERE NOT running ORDER BY created_at, "
                        + dialect.byCodePoint("id")
                        + " FETCH FIRST 1 ROWS ONLY"));
        ResultSet rs = statement.executeQuery()) {
      return rs.next()
          ? new OperationSummary.Queued(
              OperationId.of(rs.getString(1)), rs.getString(2), instant(rs, 3))
          : null;
    }
  }

  /**
   * An instant rounded up to the microsecond the tables keep, so that a bound between two
   * microseconds compares with stored instants as the instant itself would.
   */
  private static Instant microsUp(Instant instant) {
    Instant down = instant.truncatedTo(ChronoUnit.MICROS);
    return down.equals(instant) ? down : down.plus(1, ChronoUnit.MICROS);
  }

  /** A LIKE pattern that matches the text literally, with {@code \} as the escape. */
  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
