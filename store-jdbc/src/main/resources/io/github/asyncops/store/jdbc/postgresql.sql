-- The asyncops JDBC store's tables for PostgreSQL 12 or later.
--
-- JdbcOperationStore runs this file itself with createSchema(true), the default. To apply it with
-- a migration tool instead (Flyway, Liquibase, ...), copy it into a migration as it is, and build
-- the store with createSchema(false). Every statement is idempotent. The names use the default
-- table prefix "asyncops_"; with another tablePrefix(...) or a schema(...), change the names to
-- match.
--
-- This is the layout of issue 23 (layout C in BENCHMARKS.md): a record per operation, written at
-- its start and at its end, and a narrow queue row while it is active. The table of the
-- 0.1.0-SNAPSHOT layout (asyncops_operation, with asyncops_result) is not migrated: this file
-- creates new tables beside it and never reads it; drop it once its operations no longer matter.

-- The record of each operation, active or final, until it is forgotten after its retention: what
-- users read (a failure a worker gave as a message keeps it in error_message, Message.encode(), at
-- most 2048 bytes, beside its default-language text in error). Inserted by the start (state 'QUEUED' until the end, with the queue row beside it)
-- and updated once, by the end, which writes the final state, the times, the texts and the
-- result. No index covers a column the end writes, so the end is a heap-only update, which
-- fillfactor 80 leaves room for. Ids compare by code point (COLLATE "C"), as listings order them,
-- so that the primary key serves an id prefix. seq orders the queue.
CREATE TABLE IF NOT EXISTS asyncops_record (
  id                varchar(22)      COLLATE "C" PRIMARY KEY,
  seq               bigint           GENERATED ALWAYS AS IDENTITY,
  type_name         varchar(64)      NOT NULL,
  state             varchar(16)      NOT NULL,
  owner_name        text,
  caller_key        text,
  parameters        text,
  created_at        timestamptz      NOT NULL,
  started_at        timestamptz,
  finished_at       timestamptz,
  evict_at          timestamptz,
  evict_after       timestamptz      NOT NULL,
  progress_value    double precision,
  progress_text     text,
  progress_message  text,
  error             text,
  cause             text,
  error_message     text,
  result_kind       varchar(5)       NOT NULL DEFAULT 'NONE',
  result_value      text,
  result_media_type text,
  result_file_name  text,
  result_length     bigint,
  stop_requested    boolean          NOT NULL DEFAULT false,
  node              text,
  heartbeat_at      timestamptz,
  epoch             bigint           NOT NULL DEFAULT 0,
  retention_ms      bigint           NOT NULL,
  idem_key          text,
  idem_fingerprint  text
) WITH (fillfactor = 80);

-- At most one operation per (type, owner, idempotency key) while it is kept, active or final, so
-- that a retried start that reaches another node finds the first. idem_key holds the owner and
-- the key as one value, so that a NULL owner is an owner too: the owner's length, ':', the owner
-- and the key, or ':' and the key for a NULL owner.
CREATE UNIQUE INDEX IF NOT EXISTS asyncops_record_idem
  ON asyncops_record (type_name, idem_key)
  WHERE idem_key IS NOT NULL;

-- Listing the operations of a type, newest first, in the order of every listing (created_at, then
-- id by code point, whatever the database's collation) so that a keyset cursor is a range of it.
-- The user API's lists and the operator console's lists of one type walk it; owner, key, states,
-- node and id prefix are filters on that walk.
CREATE INDEX IF NOT EXISTS asyncops_record_type_created
  ON asyncops_record (type_name, created_at DESC, id COLLATE "C" DESC);

-- The operator console's lists of every type, in the same order, and its creation range.
CREATE INDEX IF NOT EXISTS asyncops_record_created
  ON asyncops_record (created_at DESC, id COLLATE "C" DESC);

-- Forgetting final operations after their retention. evict_after is set by the start (created_at
-- plus the retention), before which no operation is due; eviction takes the rows past it whose
-- evict_at (written by the end, in no index) has passed. An index on evict_at would cost every end
-- its heap-only update; this one costs the start one index entry.
CREATE INDEX IF NOT EXISTS asyncops_record_evict
  ON asyncops_record (evict_after);

-- The queue: one narrow row per active operation, inserted with its record and deleted by its
-- end. The claim, progress, stop requests and heartbeats change no indexed column (the state is
-- two booleans in no index and no index predicate), so they are heap-only updates, which
-- fillfactor 50 leaves room for. A claim takes the oldest rows of a type with NOT running: without
-- statistics (a fresh table) a boolean's selectivity is 50%, which keeps the ordered scan of
-- (type_name, seq) that stops after the batch, where an equality on a state (0.5%) would be planned
-- as a scan of every row of the type and a sort. Expiry reads this short table, with no lease index.
-- A row is found through its record's (type_name, seq). created_at is the record's, so that the
-- operator console's lists of active operations and its oldest queued one read this table alone.
CREATE TABLE IF NOT EXISTS asyncops_job (
  seq              bigint           NOT NULL,
  type_name        varchar(64)      NOT NULL,
  id               varchar(22)      COLLATE "C" NOT NULL,
  slot             text,
  running          boolean          NOT NULL DEFAULT false,
  node             text,
  epoch            bigint           NOT NULL DEFAULT 0,
  created_at       timestamptz      NOT NULL,
  heartbeat_at     timestamptz,
  started_at       timestamptz,
  updated_at       timestamptz      NOT NULL,
  progress_value   double precision NOT NULL DEFAULT 0,
  progress_text    text,
  progress_message text,
  stop_requested   boolean          NOT NULL DEFAULT false
) WITH (fillfactor = 50);

CREATE UNIQUE INDEX IF NOT EXISTS asyncops_job_queue
  ON asyncops_job (type_name, seq);

-- At most one active operation per (type, scope slot) across all nodes: an operation clears its
-- slot when it is replaced, and its row leaves when it ends. Only rows that hold a slot are indexed.
CREATE UNIQUE INDEX IF NOT EXISTS asyncops_job_held_slot
  ON asyncops_job (type_name, slot) WHERE slot IS NOT NULL;

-- How many ended operations there are per type and final state, so that the operator console's
-- summary reads a few dozen rows instead of counting every record (212 ms at 200,000 records; the
-- active states are counted in the short queue table). Split over 16 shards by a hash of the id,
-- so that concurrent ends rarely write the same row: an end adds 1 in its own statement (a
-- heap-only update: count is in no index), eviction and deletion take away what they forget, in
-- their transaction. A (type, state) counts the sum of its shards.
CREATE TABLE IF NOT EXISTS asyncops_tally (
  type_name varchar(64) NOT NULL,
  state     varchar(16) NOT NULL,
  shard     integer     NOT NULL,
  count     bigint      NOT NULL,
  PRIMARY KEY (type_name, state, shard)
) WITH (fillfactor = 50);

-- The failures of the operator console's "failed in the last hour": one row per kept failed
-- operation, written by its end, gone with its record. An index on the record's finished_at would
-- cost every end its heap-only update; this costs only the failures.
CREATE TABLE IF NOT EXISTS asyncops_failure (
  id          varchar(22) COLLATE "C" PRIMARY KEY
              REFERENCES asyncops_record (id) ON DELETE CASCADE,
  finished_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS asyncops_failure_finished
  ON asyncops_failure (finished_at);

-- Download results up to the store's size limit; larger ones live in a BlobStore.
CREATE TABLE IF NOT EXISTS asyncops_download (
  id      varchar(22) COLLATE "C" PRIMARY KEY REFERENCES asyncops_record (id) ON DELETE CASCADE,
  content bytea       NOT NULL
);

-- Ids of forgotten operations, so that they answer "gone" rather than "not found" for a while.
-- Bounded in time (expires_at) and in number (the newest by seq are kept).
CREATE TABLE IF NOT EXISTS asyncops_forgotten (
  id         varchar(22) PRIMARY KEY,
  seq        bigint      GENERATED ALWAYS AS IDENTITY,
  expires_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS asyncops_forgotten_expiry
  ON asyncops_forgotten (expires_at);

CREATE INDEX IF NOT EXISTS asyncops_forgotten_seq
  ON asyncops_forgotten (seq);

-- How many operations are queued, split over 16 rows that inserts and claims add to and take
-- from, so that the queue limit needs neither a cluster-wide lock nor a count of the queue. Each
-- node counts the queue again at every eviction interval, which also corrects what an earlier
-- layout left here.
CREATE TABLE IF NOT EXISTS asyncops_queue (
  shard  integer PRIMARY KEY,
  queued bigint  NOT NULL
);

INSERT INTO asyncops_queue (shard, queued)
  SELECT s, 0 FROM generate_series(0, 15) AS s
  ON CONFLICT DO NOTHING;
