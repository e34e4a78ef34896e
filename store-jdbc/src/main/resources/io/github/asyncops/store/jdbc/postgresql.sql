-- The asyncops JDBC store's tables for PostgreSQL 12 or later.
--
-- JdbcOperationStore runs this file itself with createSchema(true), the default. To apply it with
-- a migration tool instead (Flyway, Liquibase, ...), copy it into a migration as it is, and build
-- the store with createSchema(false). Every statement is idempotent. The names use the default
-- table prefix "asyncops_"; with another tablePrefix(...) or a schema(...), change the names to
-- match.

-- One row per operation, active or final, until it is forgotten after its retention. Ids compare
-- by code point (COLLATE "C"), as listings order them, so that the primary key serves an id prefix.
CREATE TABLE IF NOT EXISTS asyncops_operation (
  id                varchar(22)      COLLATE "C" PRIMARY KEY,
  seq               bigint           GENERATED ALWAYS AS IDENTITY,
  type_name         varchar(64)      NOT NULL,
  state             varchar(16)      NOT NULL,
  progress_value    double precision NOT NULL,
  progress_text     text,
  owner_name        text,
  caller_key        text,
  slot              text,
  parameters        text,
  created_at        timestamptz      NOT NULL,
  started_at        timestamptz,
  updated_at        timestamptz      NOT NULL,
  finished_at       timestamptz,
  evict_at          timestamptz,
  error             text,
  result_kind       varchar(5)       NOT NULL DEFAULT 'NONE',
  result_value      text,
  result_media_type text,
  result_file_name  text,
  result_length     bigint,
  stop_requested    boolean          NOT NULL DEFAULT false,
  node              text,
  heartbeat_at      timestamptz,
  retention_ms      bigint           NOT NULL,
  epoch             bigint           NOT NULL DEFAULT 0,
  idem_key          text,
  idem_fingerprint  text,
  progress_message  text,
  cause             text,
  error_message     text
);

-- The fencing token, added to tables made by an earlier version: one more at every claim, and
-- every write of the claiming node checks it.
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS epoch bigint NOT NULL DEFAULT 0;

-- The idempotency key of the start, added to tables made by an earlier version. idem_key holds the
-- owner and the key as one value, so that a NULL owner is an owner too: the owner's length, ':',
-- the owner and the key, or ':' and the key for a NULL owner.
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS idem_key text;
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS idem_fingerprint text;

-- The last progress's message (Message.encode(), at most 2048 bytes), which each viewer's node
-- renders in the viewer's language, and a failure's bounded stack trace (Outcome.cause), added to
-- tables made by an earlier version.
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS progress_message text;
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS cause text;

-- A failure's error as a message (Message.encode(), at most 2048 bytes), which each viewer's node
-- renders in the viewer's language beside the error text, added to tables made by an earlier
-- version.
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS error_message text;

-- At most one active operation per (type, scope slot) across all nodes: an operation clears its
-- slot when it ends or is replaced. Only rows that hold a slot are indexed, so that operations of
-- unscoped types and final ones cost no entry; an earlier version indexed every row.
CREATE UNIQUE INDEX IF NOT EXISTS asyncops_operation_held_slot
  ON asyncops_operation (type_name, slot) WHERE slot IS NOT NULL;

DROP INDEX IF EXISTS asyncops_operation_slot;

-- At most one operation per (type, owner, idempotency key) while it is kept, active or final, so
-- that a retried start that reaches another node finds the first.
CREATE UNIQUE INDEX IF NOT EXISTS asyncops_operation_idem
  ON asyncops_operation (type_name, idem_key)
  WHERE idem_key IS NOT NULL;

-- Claiming the oldest queued operation of a type, and counting the queue.
CREATE INDEX IF NOT EXISTS asyncops_operation_queue
  ON asyncops_operation (type_name, created_at, seq) WHERE state = 'QUEUED';

-- Finding running operations whose node stopped heartbeating.
CREATE INDEX IF NOT EXISTS asyncops_operation_lease
  ON asyncops_operation (heartbeat_at) WHERE state IN ('RUNNING', 'STOPPING');

-- A node's heartbeat finds the operations it runs by id. An earlier version indexed them by node,
-- which made every claim update one more index.
DROP INDEX IF EXISTS asyncops_operation_node;

-- Forgetting final operations after their retention.
CREATE INDEX IF NOT EXISTS asyncops_operation_evict
  ON asyncops_operation (evict_at) WHERE evict_at IS NOT NULL;

-- Listing the operations of a type, newest first, in the order of every listing (created_at, then
-- id by code point, whatever the database's collation) so that a keyset cursor is a range of it.
-- The user API's lists and the operator console's lists of one type walk it; owner, key, states,
-- node and id prefix are filters on that walk. An earlier version indexed (type_name, created_at).
CREATE INDEX IF NOT EXISTS asyncops_operation_type_created
  ON asyncops_operation (type_name, created_at DESC, id COLLATE "C" DESC);

DROP INDEX IF EXISTS asyncops_operation_list;

-- The operator console's lists of every type, in the same order, and its creation range.
CREATE INDEX IF NOT EXISTS asyncops_operation_created
  ON asyncops_operation (created_at DESC, id COLLATE "C" DESC);

-- The operator console's counts per type and state, an index-only scan of a small index (B-tree
-- deduplication keeps one entry per distinct pair and page).
CREATE INDEX IF NOT EXISTS asyncops_operation_type_state
  ON asyncops_operation (type_name, state);

-- The operator console's count of failures in the last hour. Only failed rows are indexed.
CREATE INDEX IF NOT EXISTS asyncops_operation_failed
  ON asyncops_operation (finished_at) WHERE state = 'FAILED';

-- Download results up to the store's size limit; larger ones live in a BlobStore.
CREATE TABLE IF NOT EXISTS asyncops_result (
  id      varchar(22) PRIMARY KEY REFERENCES asyncops_operation (id) ON DELETE CASCADE,
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
-- from, so that the queue limit needs neither a cluster-wide lock nor a count of the queue. The
-- first row starts with what an earlier version left queued.
CREATE TABLE IF NOT EXISTS asyncops_queue (
  shard  integer PRIMARY KEY,
  queued bigint  NOT NULL
);

INSERT INTO asyncops_queue (shard, queued)
  SELECT s, CASE WHEN s = 0
    THEN (SELECT count(*) FROM asyncops_operation WHERE state = 'QUEUED') ELSE 0 END
  FROM generate_series(0, 15) AS s
  ON CONFLICT DO NOTHING;
