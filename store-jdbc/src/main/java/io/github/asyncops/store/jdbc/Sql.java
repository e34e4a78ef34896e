package io.github.asyncops.store.jdbc;

/**
 * The store's SQL for one set of tables: the record of each operation (alias {@code r}) and the
 * queue row of an active one (alias {@code j}, found through the record's {@code (type_name,
 * seq)}). States are literals, not parameters, so that plans do not depend on them.
 */
final class Sql {
  /** The state of a record read with its queue row, if it has one. */
  static final String STATE =
      "CASE WHEN j.id IS NULL THEN r.state WHEN NOT j.running THEN 'QUEUED'"
          + " WHEN j.stop_requested THEN 'STOPPING' ELSE 'RUNNING' END";

  /** The columns {@link Rows#read} expects, in its order, from a record and its queue row. */
  static final String COLUMNS =
      "r.id, r.type_name, "
          + STATE
          + ", "
          + pick("progress_value")
          + ", "
          + pick("progress_text")
          + ", r.owner_name, r.caller_key, j.slot, r.parameters, r.created_at, "
          + pick("started_at")
          + ", COALESCE(j.updated_at, r.finished_at), r.finished_at, r.error, r.result_kind,"
          + " r.result_value, r.result_media_type, r.result_file_name, r.result_length, "
          + pick("stop_requested")
          + ", "
          + pick("node")
          + ", "
          + pick("heartbeat_at")
          + ", r.retention_ms, "
          + pick("epoch")
          + ", r.idem_key, r.idem_fingerprint, "
          + pick("progress_message")
          + ", r.cause, r.error_message";

  final String findById;
  final String locate;
  final String lockJob;
  final String lockRecord;
  final String lockSlotHolder;
  final String findByIdempotencyKey;
  final String insertRecord;
  final String insertJob;
  final String addQueued;
  final String queueSize;
  final String recountQueue;
  final String updateJob;
  final String updateFinal;
  final String deleteJob;
  final String deleteJobFenced;
  final String tallyAdd;
  final String failure;

  /** Claims on PostgreSQL: one statement that answers {@link #COLUMNS} (6 parameters). */
  final String claim;

  /** Claims on H2, first step: locks the oldest queued rows of a type, skipping locked ones. */
  final String claimPick;

  /** Progress on PostgreSQL, answering {@link #COLUMNS}; on H2, the update of the queue row. */
  final String progress;

  /** A fenced finish on PostgreSQL, its tally and failure included, answering {@link #COLUMNS}. */
  final String finish;

  final String heartbeat;

  /**
   * Whether the insert notifies in the same statement, and writes that are one statement commit by
   * themselves (PostgreSQL, with data-modifying WITH queries). Otherwise (H2) the insert is a
   * statement in a transaction and nothing notifies.
   */
  final boolean folded;

  /** The insert of record and queue row in one statement, which notifies (12 to 18). */
  final String insertFolded;

  /** The insert of record and queue row in one statement that answers a row if it inserted. */
  final String insertFoldedQuietly;

  /** {@link #handover}'s text up to the queue rows it deletes. */
  private final String handoverHead;

  /** {@link #handover}'s text after the queue rows it deletes. */
  private final String handoverTail;

  final String stale;
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
    String record = tables.record();
    String job = tables.job();
    String skipLocked = dialect.lockSkippingLocked();
    String joined = from(tables);
    folded = dialect.foldsSideEffects();
    findById = "SELECT " + COLUMNS + " FROM " + joined + " WHERE r.id = ?";
    locate = "SELECT type_name, seq FROM " + record + " WHERE id = ?";
    lockJob = "SELECT id FROM " + job + " WHERE type_name = ? AND seq = ? FOR UPDATE";
    lockRecord = "SELECT state FROM " + record + " WHERE id = ? FOR UPDATE";
    lockSlotHolder = "SELECT id FROM " + job + " WHERE type_name = ? AND slot = ? FOR UPDATE";
    findByIdempotencyKey =
        "SELECT " + COLUMNS + " FROM " + joined + " WHERE r.type_name = ? AND r.idem_key = ?";
    // The queue limit is checked against a counter split over a few rows (see QueueCount), so that
    // inserts take neither a cluster-wide lock nor a count of the queue.
    String recordInsert =
        "INSERT INTO "
            + record
            + " (id, type_name, state, owner_name, caller_key, parameters, created_at,"
            + " retention_ms, idem_key, idem_fingerprint, evict_after)"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE (SELECT COALESCE(SUM(queued), 0) FROM "
            + tables.queue()
            + ") < ?";
    insertRecord = recordInsert;
    String jobColumns =
        " (seq, type_name, id, slot, created_at, updated_at, progress_value, progress_text,"
            + " progress_message)";
    insertJob =
        "INSERT INTO "
            + job
            + jobColumns
            + " SELECT seq, type_name, id, ?, created_at, created_at, ?, ?, ? FROM "
            + record
            + " WHERE id = ?";
    String foldedInsert =
        "WITH ins AS ("
            + recordInsert
            + " RETURNING id, seq, type_name, created_at), q AS (INSERT INTO "
            + job
            + jobColumns
            + " SELECT seq, type_name, id, ?, created_at, created_at, ?, ?, ? FROM ins RETURNING id)";
    insertFolded = foldedInsert + " SELECT pg_notify(?, ?) FROM q";
    insertFoldedQuietly = foldedInsert + " SELECT id FROM q";
    addQueued = "UPDATE " + tables.queue() + " SET queued = queued + ? WHERE shard = ?";
    queueSize = "SELECT COALESCE(SUM(queued), 0) FROM " + tables.queue();
    recountQueue =
        "UPDATE "
            + tables.queue()
            + " SET queued = CASE WHEN shard = 0 THEN (SELECT count(*) FROM "
            + job
            + " WHERE NOT running) ELSE 0 END";
    updateJob =
        "UPDATE "
            + job
            + " SET slot = ?, running = ?, node = ?, epoch = ?, heartbeat_at = ?, started_at = ?,"
            + " updated_at = ?, progress_value = ?, progress_text = ?, progress_message = ?,"
            + " stop_requested = ? WHERE type_name = ? AND seq = ?";
    updateFinal =
        "UPDATE "
            + record
            + " SET state = ?, progress_value = ?, progress_text = ?, progress_message = ?,"
            + " started_at = ?, finished_at = ?, evict_at = ?, error = ?, cause = ?,"
            + " error_message = ?, parameters = NULL, result_kind = ?, result_value = ?, result_media_type = ?,"
            + " result_file_name = ?, result_length = ?, stop_requested = ?, node = ?,"
            + " heartbeat_at = ?, epoch = ? WHERE id = ?";
    deleteJob = "DELETE FROM " + job + " WHERE type_name = ? AND seq = ?";
    deleteJobFenced = deleteJob + " AND epoch = ? AND (running OR epoch = 0)";
    tallyAdd =
        folded
            ? "INSERT INTO "
                + tables.tally()
                + " AS t (type_name, state, shard, count) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (type_name, state, shard) DO UPDATE SET count = t.count + EXCLUDED.count"
            : "MERGE INTO "
                + tables.tally()
                + " t USING (VALUES (CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(16)),"
                + " CAST(? AS INTEGER), CAST(? AS BIGINT))) s(type_name, state, shard, n)"
                + " ON t.type_name = s.type_name AND t.state = s.state AND t.shard = s.shard"
                + " WHEN MATCHED THEN UPDATE SET count = t.count + s.n"
                + " WHEN NOT MATCHED THEN INSERT (type_name, state, shard, count)"
                + " VALUES (s.type_name, s.state, s.shard, s.n)";
    failure = "INSERT INTO " + tables.failure() + " (id, finished_at) VALUES (?, ?)";
    // The pick is a CTE of its own, which PostgreSQL runs exactly once: as a subquery of the
    // UPDATE's IN, an analyzed table's plan may run it again for every row the UPDATE looks at, and
    // each run skips the rows the UPDATE already changed and locks the next ones, so that one claim
    // took every queued row of its type. The UPDATE finds the picked rows by (type_name, seq).
    String claimCtes =
        "p AS (SELECT type_name, seq FROM "
            + job
            + " WHERE type_name = ? AND NOT running ORDER BY seq FETCH FIRST ? ROWS ONLY"
            + skipLocked
            + "), c AS (UPDATE "
            + job
            + " SET running = true, node = ?, started_at = ?, updated_at = ?, heartbeat_at = ?,"
            + " epoch = epoch + 1 WHERE (type_name, seq) IN (SELECT type_name, seq FROM p)"
            + " RETURNING *)";
    String claimed =
        "SELECT "
            + CLAIMED
            + " FROM c CROSS JOIN LATERAL (SELECT owner_name, caller_key, parameters, created_at,"
            + " retention_ms, idem_key, idem_fingerprint FROM "
            + record
            + " WHERE id = c.id LIMIT 1) r";
    claim = "WITH " + claimCtes + " " + claimed;
    claimPick =
        "SELECT seq FROM "
            + job
            + " WHERE type_name = ? AND NOT running ORDER BY seq FETCH FIRST ? ROWS ONLY"
            + skipLocked;
    String fenced = " AND j.epoch = ? AND (j.running OR j.epoch = 0)";
    progress =
        folded
            ? "UPDATE "
                + job
                + " j SET progress_value = ?, progress_text = ?, progress_message = ?,"
                + " updated_at = ? FROM "
                + record
                + " r WHERE r.id = ? AND j.type_name = r.type_name AND j.seq = r.seq"
                + fenced
                + " RETURNING "
                + COLUMNS
            : "UPDATE "
                + job
                + " j SET progress_value = ?, progress_text = ?, progress_message = ?,"
                + " updated_at = ? WHERE j.type_name = ? AND j.seq = ?"
                + fenced;
    String ending =
        " progress_text = ?, progress_message = ?, started_at = j.started_at, finished_at = ?,"
            + " evict_at = "
            + dialect.plusMillis("r.retention_ms")
            + ", error = ?, cause = ?, error_message = ?, parameters = NULL, result_kind = ?,"
            + " result_value = ?,"
            + " result_media_type = ?, result_file_name = ?, result_length = ?,";
    String fromJob =
        " stop_requested = j.stop_requested, node = j.node, heartbeat_at = j.heartbeat_at,"
            + " epoch = j.epoch";
    finish =
        "WITH j AS (DELETE FROM "
            + job
            + " WHERE (type_name, seq) = (SELECT type_name, seq FROM "
            + record
            + " WHERE id = ?) AND epoch = ? AND (running OR epoch = 0) RETURNING *),"
            + " f AS (UPDATE "
            + record
            + " r SET state = ?, progress_value = ?,"
            + ending
            + fromJob
            + " FROM j WHERE r.id = ? RETURNING r.*), "
            + sideEffects(tables, "?")
            + " SELECT "
            + finalColumns("f")
            + " FROM f";
    heartbeat =
        dialect.returning(
            "UPDATE "
                + job
                + " SET heartbeat_at = ? WHERE node = ? AND running AND "
                + (folded
                    ? "(type_name, seq) IN (SELECT type_name, seq FROM "
                        + record
                        + " WHERE "
                        + dialect.inArray("id")
                        + ")"
                    : dialect.inArray("id")),
            "id, epoch, stop_requested");
    handoverHead =
        "WITH d AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[]) AS d(d_id, d_epoch, d_state, d_value,"
            + " d_text, d_at, d_error, d_kind, d_result, d_media_type, d_file_name, d_length,"
            + " d_message, d_cause, d_shard, d_error_message)), j AS (DELETE FROM "
            + job
            + " WHERE (";
    handoverTail =
        ") AND (id, epoch) IN (SELECT d_id, d_epoch::bigint FROM d) AND (running OR epoch = 0)"
            + " RETURNING *), f AS (UPDATE "
            + record
            + " r SET state = d_state, progress_value = d_value::double precision,"
            + " progress_text = d_text, progress_message = d_message, started_at = j.started_at,"
            + " finished_at = d_at::timestamptz,"
            + " evict_at = d_at::timestamptz + r.retention_ms * INTERVAL '1 millisecond',"
            + " error = d_error, cause = d_cause, error_message = d_error_message,"
            + " parameters = NULL, result_kind = d_kind,"
            + " result_value = d_result, result_media_type = d_media_type,"
            + " result_file_name = d_file_name, result_length = d_length::bigint,"
            + fromJob
            + " FROM j JOIN d ON d.d_id = j.id WHERE r.id = j.id"
            + " RETURNING r.*, d.d_shard::integer AS shard), "
            + sideEffects(tables, "shard")
            + ", "
            + claimCtes
            + " SELECT "
            + finalColumns("f")
            + ", true AS finishing FROM f UNION ALL "
            + claimed.replaceFirst(" FROM c ", ", false FROM c ");
    stale =
        "SELECT id FROM "
            + job
            + " WHERE running AND heartbeat_at < ? ORDER BY heartbeat_at FETCH FIRST ? ROWS ONLY"
            + skipLocked;
    evictable =
        "SELECT id, type_name, state, result_kind FROM "
            + record
            + " WHERE evict_after <= ? AND evict_at <= ?"
            + " ORDER BY evict_after FETCH FIRST ? ROWS ONLY"
            + skipLocked;
    delete = "DELETE FROM " + record + " WHERE id = ?";
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

  /** What a claim answers, in {@link #COLUMNS}' order: the queue row and what a worker needs. */
  private static final String CLAIMED =
      "c.id, c.type_name, 'RUNNING', c.progress_value, c.progress_text, r.owner_name,"
          + " r.caller_key, c.slot, r.parameters, r.created_at, c.started_at, c.updated_at,"
          + " CAST(NULL AS timestamptz), CAST(NULL AS text), 'NONE', CAST(NULL AS text),"
          + " CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS bigint), c.stop_requested,"
          + " c.node, c.heartbeat_at, r.retention_ms, c.epoch, r.idem_key, r.idem_fingerprint,"
          + " c.progress_message, CAST(NULL AS text), CAST(NULL AS text)";

  /** A final record's columns in {@link #COLUMNS}' order, from a CTE that returned its row. */
  private static String finalColumns(String alias) {
    return String.join(
        ", ",
        java.util.stream.Stream.of(
                "id",
                "type_name",
                "state",
                "progress_value",
                "progress_text",
                "owner_name",
                "caller_key",
                null,
                "parameters",
                "created_at",
                "started_at",
                "finished_at",
                "finished_at",
                "error",
                "result_kind",
                "result_value",
                "result_media_type",
                "result_file_name",
                "result_length",
                "stop_requested",
                "node",
                "heartbeat_at",
                "retention_ms",
                "epoch",
                "idem_key",
                "idem_fingerprint",
                "progress_message",
                "cause",
                "error_message")
            .map(c -> c == null ? "CAST(NULL AS text)" : alias + "." + c)
            .toList());
  }

  /**
   * The CTEs that follow a finish's {@code f}: the tally of ended operations and the kept failures.
   * {@code shard} is "?" for one finish, whose shard is a parameter, or a column of {@code f}. The
   * tally rows that exist are updated in place ({@code u}: one heap-only update each); only a
   * (type, state, shard) seen for the first time is inserted, with ON CONFLICT for a concurrent
   * first, since an ON CONFLICT DO UPDATE of an existing row also writes a row lock to the WAL (129
   * bytes per finish against about 70).
   */
  private static String sideEffects(Tables tables, String shard) {
    String grouped =
        "?".equals(shard)
            ? "SELECT type_name, state, CAST(? AS integer) AS shard, 1 AS n FROM f"
            : "SELECT type_name, state, "
                + shard
                + " AS shard, count(*) AS n FROM f GROUP BY type_name, state, "
                + shard;
    String same = " t.type_name = g.type_name AND t.state = g.state AND t.shard = g.shard";
    return "g AS ("
        + grouped
        + "), u AS (UPDATE "
        + tables.tally()
        + " t SET count = t.count + g.n FROM g WHERE"
        + same
        + " RETURNING t.type_name, t.state, t.shard), v AS (INSERT INTO "
        + tables.tally()
        + " AS t (type_name, state, shard, count) SELECT type_name, state, shard, n FROM g"
        + " WHERE NOT EXISTS (SELECT 1 FROM u t WHERE"
        + same
        + ") ORDER BY 1, 2, 3"
        + " ON CONFLICT (type_name, state, shard) DO UPDATE SET count = t.count + EXCLUDED.count),"
        + " x AS (INSERT INTO "
        + tables.failure()
        + " (id, finished_at) SELECT id, finished_at FROM f WHERE state = 'FAILED')";
  }

  /** The record left-joined to its queue row, as {@code r} and {@code j}. */
  static String from(Tables tables) {
    return tables.record()
        + " r LEFT JOIN "
        + tables.job()
        + " j ON j.type_name = r.type_name AND j.seq = r.seq";
  }

  /** A column of the queue row while there is one, else the record's. */
  static String pick(String column) {
    return "CASE WHEN j.id IS NULL THEN r." + column + " ELSE j." + column + " END";
  }

  /**
   * Finishes {@code n} records and claims queued ones in one statement. The finishes come as 16
   * parallel text arrays (1-16: id, epoch, state, value, text, time, error, the five result
   * columns, the progress message, the cause, the tally shard and the error message), then each id
   * once more (17 to 16 + n), then {@link #claim}'s parameters. Each finish's queue row is named by
   * its full key, {@code (type_name, seq) = (SELECT ... FROM record WHERE id = ?)}, one such
   * condition per finish: an equality on the whole unique key is looked up in the index whatever
   * the statistics say, where a semi-join on a list of keys was planned, on tables analyzed while
   * the queue was empty, as a walk of every queue row per statement. Each row answered says in
   * {@code finishing} whether it is a finished one. PostgreSQL only.
   */
  String handover(int n) {
    StringBuilder sql = new StringBuilder(handoverHead);
    for (int i = 0; i < n; i++) {
      sql.append(i == 0 ? "" : " OR ")
          .append("(type_name, seq) = (SELECT type_name, seq FROM ")
          .append(tables.record())
          .append(" WHERE id = ?)");
    }
    return sql.append(handoverTail).toString();
  }

  /** The tables these statements name. */
  Tables tables() {
    return tables;
  }

  /**
   * Claims on H2, second step: marks {@code n} rows that {@link #claimPick} locked running and
   * answers their ids (5 parameters, then the n positions).
   */
  String claimPicked(int n) {
    return "SELECT id FROM FINAL TABLE (UPDATE "
        + tables.job()
        + " SET running = TRUE, node = ?, started_at = ?, updated_at = ?, heartbeat_at = ?,"
        + " epoch = epoch + 1 WHERE type_name = ? AND NOT running AND seq IN ("
        + Database.placeholders(n)
        + "))";
  }

  /** Which of {@code n} records are stopping, for nodes that poll instead of listening. */
  String stopping(int n) {
    return "SELECT id FROM "
        + tables.job()
        + " WHERE running AND stop_requested AND id IN ("
        + Database.placeholders(n)
        + ")";
  }
}
