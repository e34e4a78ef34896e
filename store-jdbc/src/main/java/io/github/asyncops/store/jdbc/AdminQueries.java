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
import java.util.Comparator;
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
  private final String id;

  AdminQueries(Database db, Rows rows) {
    this.db = db;
    this.rows = rows;
    this.tables = db.sql.tables();
    this.id = db.dialect.byCodePoint("r.id");
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
    return db.read(
        "list operations" + (q.type() == null ? "" : " of " + q.type()),
        (c, attempt) -> {
          List<OperationRecord> found = new ArrayList<>();
          try (PreparedStatement statement = list.prepare(c);
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
    if (q.type() != null) {
      where.add("r.type_name = ?");
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
    boolean activeOnly =
        q.activeOnly()
            || (!q.states().isEmpty() && q.states().stream().allMatch(OperationState::isActive));
    if (!q.states().isEmpty()) {
      // Enum names as literals, as everywhere in this store. Final states are the record's column.
      boolean finalOnly = q.states().stream().allMatch(OperationState::isFinal);
      where.add(
          q.states().stream()
              .map(s -> "'" + s.name() + "'")
              .sorted()
              .collect(
                  Collectors.joining(", ", (finalOnly ? "r.state" : Sql.STATE) + " IN (", ")")));
    }
    if (q.node() != null) {
      where.add(Sql.pick("node") + " = ?");
      values.add(q.node());
    }
    if (q.createdFrom() != null) {
      where.add("r.created_at >= ?");
      values.add(microsUp(q.createdFrom()));
    }
    if (q.createdTo() != null) {
      where.add("r.created_at < ?");
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
      where.add("(r.created_at, " + id + ") < (?, ?)");
      values.add(q.after().createdAt());
      values.add(q.after().id().value());
    }
    values.add(q.limit());
    String sql =
        "SELECT "
            + Sql.COLUMNS
            + " FROM "
            + (activeOnly
                ? tables.job() + " j JOIN " + tables.record() + " r ON r.id = j.id"
                : Sql.from(tables))
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY r.created_at DESC, "
            + id
            + " DESC FETCH FIRST ? ROWS ONLY";
    return new Bound(sql, values);
  }

  OperationSummary summary(Instant now) {
    return db.read(
        "summarise the operations",
        (c, attempt) -> {
          Map<String, Map<OperationState, Long>> counts = new TreeMap<>();
          activeCounts(c, counts);
          endedCounts(c, counts);
          long queued = 0;
          for (Map<OperationState, Long> byState : counts.values()) {
            queued += byState.getOrDefault(OperationState.QUEUED, 0L);
          }
          return new OperationSummary(
              counts,
              nodes(c),
              queued,
              failedSince(c, now.minus(OperationSummary.FAILURE_WINDOW)),
              queued == 0 ? null : oldestQueued(c),
              now);
        });
  }

  /** The active operations per type and state, from the queue table. */
  private void activeCounts(Connection c, Map<String, Map<OperationState, Long>> counts)
      throws SQLException {
    try (PreparedStatement statement =
            c.prepareStatement(
                "SELECT type_name, running, stop_requested, count(*) FROM "
                    + tables.job()
                    + " GROUP BY type_name, running, stop_requested");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        OperationState state =
            !rs.getBoolean(2)
                ? OperationState.QUEUED
                : rs.getBoolean(3) ? OperationState.STOPPING : OperationState.RUNNING;
        counts
            .computeIfAbsent(rs.getString(1), t -> new EnumMap<>(OperationState.class))
            .merge(state, rs.getLong(4), Long::sum);
      }
    }
  }

  /** The ended operations per type and final state, from the tally. */
  private void endedCounts(Connection c, Map<String, Map<OperationState, Long>> counts)
      throws SQLException {
    try (PreparedStatement statement =
            c.prepareStatement(
                "SELECT type_name, state, SUM(count) FROM "
                    + tables.tally()
                    + " GROUP BY type_name, state");
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

  private List<OperationSummary.Node> nodes(Connection c) throws SQLException {
    List<OperationSummary.Node> nodes = new ArrayList<>();
    try (PreparedStatement statement =
            c.prepareStatement(
                "SELECT node, count(*), max(heartbeat_at) FROM "
                    + tables.job()
                    + " WHERE running AND node IS NOT NULL GROUP BY node");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        nodes.add(new OperationSummary.Node(rs.getString(1), rs.getLong(2), instant(rs, 3)));
      }
    }
    nodes.sort(Comparator.comparing(OperationSummary.Node::node));
    return nodes;
  }

  private long failedSince(Connection c, Instant since) throws SQLException {
    try (PreparedStatement statement =
        c.prepareStatement(
            "SELECT count(*) FROM " + tables.failure() + " WHERE finished_at >= ?")) {
      statement.setObject(1, Database.timestamp(microsUp(since)));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The oldest queued record: the queue's rows that wait, with their records' creation. */
  private OperationSummary.Queued oldestQueued(Connection c) throws SQLException {
    try (PreparedStatement statement =
            c.prepareStatement(
                "SELECT r.id, r.type_name, r.created_at FROM "
                    + tables.job()
                    + " j JOIN "
                    + tables.record()
                    + " r ON r.id = j.id WHERE NOT j.running ORDER BY r.created_at, "
                    + id
                    + " FETCH FIRST 1 ROWS ONLY");
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
