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
import java.util.Collections;
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
 * orders. It walks {@code asyncops_operation_type_created} when a type is given and {@code
 * asyncops_operation_created} otherwise; the creation range and the cursor ({@code (created_at, id)
 * < (?, ?)}, a row comparison that both databases turn into an index range) bound that walk, and
 * owner, key, states, node and id prefix filter it, so a page reads about its limit of rows when
 * the filters are not rare, and never skips with OFFSET. The summary counts every row by type and
 * state (the one statement that reads the whole table), the running rows per node from the lease
 * index, the failures of the last hour from {@code asyncops_operation_failed}, and the oldest
 * queued record of each type that has one from the queue index.
 */
final class AdminQueries {
  private final Database db;
  private final Rows rows;
  private final String table;
  private final String id;

  AdminQueries(Database db, Rows rows) {
    this.db = db;
    this.rows = rows;
    this.table = db.sql.tables().operation();
    this.id = db.dialect.byCodePoint("id");
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
    if (q.type() != null) {
      where.add("type_name = ?");
      values.add(q.type());
    }
    if (q.owner() != null) {
      where.add("owner_name = ?");
      values.add(q.owner());
    }
    if (q.key() != null) {
      where.add("caller_key = ?");
      values.add(q.key());
    }
    if (q.activeOnly()) {
      where.add("state IN " + Sql.ACTIVE);
    }
    if (!q.states().isEmpty()) {
      // Enum names as literals, as everywhere in this store: PostgreSQL matches partial indexes.
      where.add(
          q.states().stream()
              .map(s -> "'" + s.name() + "'")
              .sorted()
              .collect(Collectors.joining(", ", "state IN (", ")")));
    }
    if (q.node() != null) {
      where.add("node = ?");
      values.add(q.node());
    }
    if (q.createdFrom() != null) {
      where.add("created_at >= ?");
      values.add(microsUp(q.createdFrom()));
    }
    if (q.createdTo() != null) {
      where.add("created_at < ?");
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
      where.add("id LIKE ? ESCAPE '\\'");
      values.add(escapeLike(prefix) + "%");
    }
    if (q.after() != null) {
      where.add("(created_at, " + id + ") < (?, ?)");
      values.add(q.after().createdAt());
      values.add(q.after().id().value());
    }
    values.add(q.limit());
    String sql =
        "SELECT "
            + Sql.COLUMNS
            + " FROM "
            + table
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY created_at DESC, "
            + id
            + " DESC FETCH FIRST ? ROWS ONLY";
    return new Bound(sql, values);
  }

  OperationSummary summary(Instant now) {
    return db.consoleRead(
        "summarise the operations",
        (c, attempt) -> {
          Map<String, Map<OperationState, Long>> counts = counts(c);
          long queued = 0;
          List<String> queuedTypes = new ArrayList<>();
          for (Map.Entry<String, Map<OperationState, Long>> e : counts.entrySet()) {
            long n = e.getValue().getOrDefault(OperationState.QUEUED, 0L);
            queued += n;
            if (n > 0) {
              queuedTypes.add(e.getKey());
            }
          }
          return new OperationSummary(
              counts,
              nodes(c),
              queued,
              failedSince(c, now.minus(OperationSummary.FAILURE_WINDOW)),
              oldestQueued(c, queuedTypes),
              now);
        });
  }

  private Map<String, Map<OperationState, Long>> counts(Connection c) throws SQLException {
    Map<String, Map<OperationState, Long>> counts = new TreeMap<>();
    try (PreparedStatement statement =
            db.limit(
                c.prepareStatement(
                    "SELECT type_name, state, count(*) FROM "
                        + table
                        + " GROUP BY type_name, state"));
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        counts
            .computeIfAbsent(rs.getString(1), t -> new EnumMap<>(OperationState.class))
            .put(OperationState.valueOf(rs.getString(2)), rs.getLong(3));
      }
    }
    return counts;
  }

  private List<OperationSummary.Node> nodes(Connection c) throws SQLException {
    List<OperationSummary.Node> nodes = new ArrayList<>();
    try (PreparedStatement statement =
            db.limit(
                c.prepareStatement(
                    "SELECT node, count(*), max(heartbeat_at) FROM "
                        + table
                        + " WHERE state IN "
                        + Sql.RUNNING
                        + " AND node IS NOT NULL GROUP BY node"));
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
        db.limit(
            c.prepareStatement(
                "SELECT count(*) FROM "
                    + table
                    + " WHERE state = 'FAILED' AND finished_at >= ?"))) {
      statement.setObject(1, Database.timestamp(microsUp(since)));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The oldest queued record over the types given, one index lookup per type. */
  private OperationSummary.Queued oldestQueued(Connection c, List<String> types)
      throws SQLException {
    if (types.isEmpty()) {
      return null;
    }
    String first =
        "(SELECT id, type_name, created_at FROM "
            + table
            + " WHERE type_name = ? AND state = 'QUEUED' ORDER BY created_at, "
            + id
            + " FETCH FIRST 1 ROWS ONLY)";
    String sql = String.join(" UNION ALL ", Collections.nCopies(types.size(), first));
    OperationSummary.Queued oldest = null;
    try (PreparedStatement statement = db.limit(c.prepareStatement(sql))) {
      for (int i = 0; i < types.size(); i++) {
        statement.setString(i + 1, types.get(i));
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          OperationSummary.Queued q =
              new OperationSummary.Queued(
                  OperationId.of(rs.getString(1)), rs.getString(2), instant(rs, 3));
          if (oldest == null || olderThan(q, oldest)) {
            oldest = q;
          }
        }
      }
    }
    return oldest;
  }

  private static boolean olderThan(OperationSummary.Queued a, OperationSummary.Queued b) {
    int byTime = a.createdAt().compareTo(b.createdAt());
    return byTime < 0 || (byTime == 0 && a.id().value().compareTo(b.id().value()) < 0);
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
