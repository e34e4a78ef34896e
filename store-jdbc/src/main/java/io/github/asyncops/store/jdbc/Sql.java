package io.github.asyncops.store.jdbc;

import java.util.Collections;

/**
 * The store's SQL for one set of tables. States are literals, not parameters, so that PostgreSQL
 * can match the partial indexes of the DDL.
 */
final class Sql {
  /** The columns {@link Rows#read} expects, in its order. */
  static final String COLUMNS =
      "id, type_name, state, progress_value, progress_text, owner_name, caller_key, slot,"
          + " parameters, created_at, started_at, updated_at, finished_at, error, result_kind,"
          + " result_value, result_media_type, result_file_name, result_length, stop_requested,"
          + " node, heartbeat_at, retention_ms, epoch, idem_key, idem_fingerprint, progress_message,"
          + " cause, error_message";

  static final String ACTIVE = "('QUEUED', 'RUNNING', 'STOPPING')";
  static final String RUNNING = "('RUNNING', 'STOPPING')";
  static final String FINAL = "('SUCCEEDED', 'FAILED', 'STOPPED')";

  /** The text arrays that carry {@link #handover}'s finishes, one per column written. */
  static final int FINISH_ARRAYS = 15;

  /**
   * Which rows a fenced write, {@code epoch = ?} bound, may change: see {@link
   * io.github.asyncops.core.spi.OperationRecord#writableWith}. Written as "not final, and queued
   * only before its first claim" so that it implies neither the queue's nor the lease's partial
   * index predicate: a fenced write then finds its rows by primary key only. Written as {@code
   * state IN ('RUNNING', 'STOPPING') OR state = 'QUEUED' AND ...}, it let a cached generic plan
   * read the queue and lease indexes whole (their statistics taken when the queue was short) and
   * filter them by id: 232 buffers per finish-and-claim under a backlog instead of a few.
   */
  static final String WRITABLE =
      "(state NOT IN " + FINAL + " AND (state <> 'QUEUED' OR epoch = 0))";

  final String findById;
  final String lockById;
  final String lockSlotHolder;
  final String findByIdempotencyKey;
  final String insert;
  final String addQueued;
  final String queueSize;
  final String recountQueue;
  final String updateActive;
  final String updateFinal;
  final String claim;
  final String unclaim;
  final String progress;
  final String finish;
  final String heartbeat;

  /**
   * Whether the insert notifies in the same statement, and writes that are one statement commit by
   * themselves (PostgreSQL, with data-modifying WITH queries). Otherwise (H2) the insert is a
   * statement in a transaction and nothing notifies.
   */
  final boolean folded;

  /** {@link #insert} that notifies (20, 21); a row if inserted. */
  final String insertFolded;

  /** {@link #insert} that answers a row if it inserted. */
  final String insertFoldedQuietly;

  /**
   * Finishes several records and claims queued ones in one statement. The finishes come as 15
   * parallel text arrays (1-15: id, epoch, state, value, text, time, error, the five result
   * columns, the progress message, the cause and the error message) and the ids once more (16), so
   * that the plan finds the rows by primary key; then {@link #claim}'s parameters (17-22). Each row
   * answered says in {@code finishing} whether it is a finished one. PostgreSQL only.
   *
   * <p>Every value enters through a scalar subquery, so that PostgreSQL estimates a custom plan as
   * it does the generic one and keeps the generic plan of the prepared statement: planning this
   * statement for each call (0.5-0.65 ms) cost more than running it (0.3-0.5 ms), and with the
   * values in sight the custom plans always looked cheaper.
   */
  final String handover;

  final String stale;
  final String requeue;
  final String evictable;
  final String delete;
  final String insertContent;
  final String findContent;
  final String tombstone;
  final String purgeTombstones;
  final String tombstoneCutoff;
  final String purgeOldestTombstones;
  final String forgotten;
  private final Tables tables;

  Sql(Tables tables, JdbcDialect dialect) {
    this.tables = tables;
    String op = tables.operation();
    String skipLocked = dialect.lockSkippingLocked();
    findById = "SELECT " + COLUMNS + " FROM " + op + " WHERE id = ?";
    lockById = findById + " FOR UPDATE";
    lockSlotHolder =
        "SELECT " + COLUMNS + " FROM " + op + " WHERE type_name = ? AND slot = ? FOR UPDATE";
    findByIdempotencyKey =
        "SELECT " + COLUMNS + " FROM " + op + " WHERE type_name = ? AND idem_key = ?";
    String columns =
        " (id, type_name, state, progress_value, progress_text, owner_name, caller_key, slot,"
            + " parameters, created_at, started_at, updated_at, stop_requested, node, heartbeat_at,"
            + " retention_ms, idem_key, idem_fingerprint)";
    // The queue limit is checked against a counter split over a few rows (see QueueCount), so that
    // inserts take neither a cluster-wide lock nor a count of the queue.
    insert =
        "INSERT INTO "
            + op
            + columns
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE (SELECT"
            + " COALESCE(SUM(queued), 0) FROM "
            + tables.queue()
            + ") < ?";
    addQueued = "UPDATE " + tables.queue() + " SET queued = queued + ? WHERE shard = ?";
    queueSize = "SELECT COALESCE(SUM(queued), 0) FROM " + tables.queue();
    recountQueue =
        "UPDATE "
            + tables.queue()
            + " SET queued = CASE WHEN shard = 0 THEN (SELECT count(*) FROM "
            + op
            + " WHERE state = 'QUEUED') ELSE 0 END";
    String state =
        "UPDATE "
            + op
            + " SET state = ?, progress_value = ?, progress_text = ?, slot = ?,"
            + " started_at = ?, updated_at = ?, finished_at = ?, evict_at = ?, error = ?,"
            + " stop_requested = ?, node = ?, heartbeat_at = ?, progress_message = ?,"
            + " cause = ?, error_message = ?";
    updateActive = state + " WHERE id = ?";
    updateFinal =
        state
            + ", parameters = NULL, result_kind = ?, result_value = ?, result_media_type = ?,"
            + " result_file_name = ?, result_length = ? WHERE id = ?";
    claim = claim(dialect, op, "?", "?");
    unclaim =
        "UPDATE "
            + op
            + " SET state = 'QUEUED', node = NULL, started_at = NULL, heartbeat_at = NULL"
            + " WHERE id = ?";
    progress =
        dialect.returning(
            "UPDATE "
                + op
                + " SET progress_value = ?, progress_text = ?, progress_message = ?, updated_at = ?"
                + " WHERE id = ? AND epoch = ? AND "
                + WRITABLE,
            COLUMNS);
    finish =
        dialect.returning(
            "UPDATE "
                + op
                + " SET state = ?, progress_value = ?, progress_text = ?, slot = NULL,"
                + " updated_at = ?, finished_at = ?, evict_at = "
                + dialect.plusMillis("retention_ms")
                + ", error = ?, parameters = NULL, result_kind = ?, result_value = ?,"
                + " result_media_type = ?, result_file_name = ?, result_length = ?,"
                + " progress_message = ?, cause = ?, error_message = ? WHERE id = ? AND epoch = ? AND "
                + WRITABLE,
            COLUMNS);
    heartbeat =
        dialect.returning(
            "UPDATE "
                + op
                + " SET heartbeat_at = ? WHERE node = ? AND state IN "
                + RUNNING
                + " AND "
                + dialect.inArray("id"),
            "id, epoch, stop_requested");
    folded = dialect.foldsSideEffects();
    insertFolded = "WITH ins AS (" + insert + " RETURNING id) SELECT pg_notify(?, ?) FROM ins";
    insertFoldedQuietly = insert + " RETURNING id";
    handover =
        "WITH d AS (SELECT * FROM unnest("
            + String.join(", ", Collections.nCopies(FINISH_ARRAYS, "(SELECT ?::text[])"))
            + ") AS d(d_id, d_epoch, d_state, d_value, d_text, d_at,"
            + " d_error, d_kind, d_result, d_media_type, d_file_name, d_length, d_message, d_cause,"
            + " d_error_message)),"
            + " f AS (UPDATE "
            + op
            + " SET state = d_state, progress_value = d_value::double precision,"
            + " progress_text = d_text, slot = NULL, updated_at = d_at::timestamptz,"
            + " finished_at = d_at::timestamptz,"
            + " evict_at = d_at::timestamptz + retention_ms * INTERVAL '1 millisecond',"
            + " error = d_error, parameters = NULL, result_kind = d_kind, result_value = d_result,"
            + " result_media_type = d_media_type, result_file_name = d_file_name,"
            + " result_length = d_length::bigint, progress_message = d_message, cause = d_cause,"
            + " error_message = d_error_message"
            // The cast makes the subquery an array expression; ANY (SELECT ...) would compare rows.
            + " FROM d WHERE id = ANY ((SELECT ?::text[])::text[]) AND id = d_id"
            + " AND epoch = d_epoch::bigint AND "
            + WRITABLE
            + " RETURNING "
            + COLUMNS
            + "), w AS ("
            + claim(dialect, op, "(SELECT ?::text)", "(SELECT ?::int)")
            + ") SELECT *, true AS finishing FROM f UNION ALL SELECT *, false FROM w";
    stale =
        "SELECT "
            + COLUMNS
            + " FROM "
            + op
            + " WHERE state IN "
            + RUNNING
            + " AND heartbeat_at < ? ORDER BY heartbeat_at FETCH FIRST ? ROWS ONLY"
            + skipLocked;
    requeue =
        "UPDATE "
            + op
            + " SET state = 'QUEUED', progress_value = 0, started_at = NULL,"
            + " updated_at = ?, node = NULL, heartbeat_at = NULL"
            + " WHERE id = ?";
    evictable =
        "SELECT id, result_kind FROM "
            + op
            + " WHERE evict_at <= ?"
            + " ORDER BY evict_at FETCH FIRST ? ROWS ONLY"
            + skipLocked;
    delete = "DELETE FROM " + op + " WHERE id = ?";
    insertContent = "INSERT INTO " + tables.result() + " (id, content) VALUES (?, ?)";
    findContent = "SELECT content FROM " + tables.result() + " WHERE id = ?";
    tombstone = "INSERT INTO " + tables.forgotten() + " (id, expires_at) VALUES (?, ?)";
    purgeTombstones = "DELETE FROM " + tables.forgotten() + " WHERE expires_at <= ?";
    tombstoneCutoff =
        "SELECT seq FROM "
            + tables.forgotten()
            + " ORDER BY seq DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY";
    purgeOldestTombstones = "DELETE FROM " + tables.forgotten() + " WHERE seq <= ?";
    forgotten = "SELECT 1 FROM " + tables.forgotten() + " WHERE id = ?";
  }

  /**
   * Claims up to {@code limit} of the oldest queued operations of type {@code typeName} for a node:
   * the node, the start time, the update time and the heartbeat come first (1-4), then the type and
   * the limit, as the placeholders given.
   */
  private static String claim(JdbcDialect dialect, String op, String typeName, String limit) {
    return dialect.returning(
        "UPDATE "
            + op
            + " SET state = 'RUNNING', node = ?, started_at = ?, updated_at = ?,"
            + " heartbeat_at = ?, epoch = epoch + 1 WHERE "
            + claimRecheck(dialect)
            + dialect.inLockingSubquery(
                "id",
                "SELECT id FROM "
                    + op
                    + " WHERE type_name = "
                    + typeName
                    + " AND state = 'QUEUED' ORDER BY created_at, seq FETCH FIRST "
                    + limit
                    + " ROWS ONLY"
                    + dialect.lockSkippingLockedInSubquery()),
        COLUMNS);
  }

  /**
   * What a claim checks again on the rows its subquery picked. Nothing where the subquery locks
   * them: they are still queued, and a state condition here would let PostgreSQL's generic plan
   * look the picked ids up in the queue index, scanning the whole queue, instead of the primary
   * key. Where it does not lock (H2), the state, so that a row another claim took is skipped.
   */
  private static String claimRecheck(JdbcDialect dialect) {
    return dialect.lockSkippingLockedInSubquery().isEmpty() ? "state = 'QUEUED' AND " : "";
  }

  /** The tables these statements name. */
  Tables tables() {
    return tables;
  }

  /** Which of {@code n} records are stopping, for nodes that poll instead of listening. */
  String stopping(int n) {
    return "SELECT id FROM "
        + tables.operation()
        + " WHERE state = 'STOPPING' AND id IN ("
        + Database.placeholders(n)
        + ")";
  }
}
