-- The asyncops JDBC store's tables for H2 2.x.
--
-- JdbcOperationStore runs this file itself with createSchema(true), the default. To apply it with
-- a migration tool instead (Flyway, Liquibase, ...), copy it into a migration as it is, and build
-- the store with createSchema(false). Every statement is idempotent. The names use the default
-- table prefix "asyncops_"; with another tablePrefix(...) or a schema(...), change the names to
-- match.

-- One row per operation, active or final, until it is forgotten after its retention.
CREATE TABLE IF NOT EXISTS asyncops_operation (
  id                VARCHAR(22)              PRIMARY KEY,
  seq               BIGINT                   GENERATED ALWAYS AS IDENTITY,
  type_name         VARCHAR(64)              NOT NULL,
  state             VARCHAR(16)              NOT NULL,
  progress_value    DOUBLE PRECISION         NOT NULL,
  progress_text     VARCHAR(1000000),
  owner_name        VARCHAR(1000000),
  caller_key        VARCHAR(1000000),
  slot              VARCHAR(1000000),
  parameters        CLOB,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at        TIMESTAMP WITH TIME ZONE,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at       TIMESTAMP WITH TIME ZONE,
  evict_at          TIMESTAMP WITH TIME ZONE,
  error             VARCHAR(1000000),
  result_kind       VARCHAR(5)               DEFAULT 'NONE' NOT NULL,
  result_value      CLOB,
  result_media_type VARCHAR(1000000),
  result_file_name  VARCHAR(1000000),
  result_length     BIGINT,
  stop_requested    BOOLEAN                  DEFAULT FALSE NOT NULL,
  node              VARCHAR(1000000),
  heartbeat_at      TIMESTAMP WITH TIME ZONE,
  retention_ms      BIGINT                   NOT NULL,
  epoch             BIGINT                   DEFAULT 0 NOT NULL,
  idem_key          VARCHAR(1000000),
  idem_fingerprint  VARCHAR(1000000),
  progress_message  VARCHAR(2048),
  cause             VARCHAR(1000000),
  error_message     VARCHAR(2048)
);

-- The fencing token, added to tables made by an earlier version: one more at every claim, and
-- every write of the claiming node checks it.
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS epoch BIGINT DEFAULT 0 NOT NULL;

-- The idempotency key of the start, added to tables made by an earlier version. idem_key holds the
-- owner and the key as one value, so that a NULL owner is an owner too: the owner's length, ':',
-- the owner and the key, or ':' and the key for a NULL owner.
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS idem_key VARCHAR(1000000);
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS idem_fingerprint VARCHAR(1000000);

-- The last progress's message (Message.encode(), at most 2048 bytes), which each viewer's node
-- renders in the viewer's language, and a failure's bounded stack trace (Outcome.cause), added to
-- tables made by an earlier version.
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS progress_message VARCHAR(2048);
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS cause VARCHAR(1000000);

-- A failure's error as a message (Message.encode(), at most 2048 bytes), which each viewer's node
-- renders in the viewer's language beside the error text, added to tables made by an earlier
-- version.
ALTER TABLE asyncops_operation ADD COLUMN IF NOT EXISTS error_message VARCHAR(2048);

-- At most one active operation per (type, scope slot): an operation clears its slot when it ends
-- or is replaced, and NULLs never collide.
CREATE UNIQUE INDEX IF NOT EXISTS asyncops_operation_slot
  ON asyncops_operation (type_name, slot);

-- At most one operation per (type, owner, idempotency key) while it is kept, active or final, so
-- that a retried start that reaches another node finds the first.
CREATE UNIQUE INDEX IF NOT EXISTS asyncops_operation_idem
  ON asyncops_operation (type_name, idem_key);

-- Claiming the oldest queued operation of a type, counting the queue, and finding running
-- operations whose node stopped heartbeating (H2 has no partial indexes).
CREATE INDEX IF NOT EXISTS asyncops_operation_queue
  ON asyncops_operation (state, type_name, created_at, seq);

CREATE INDEX IF NOT EXISTS asyncops_operation_lease
  ON asyncops_operation (state, heartbeat_at);

-- A node's heartbeat finds the operations it runs by id. An earlier version indexed them by node,
-- which made every claim update one more index.
DROP INDEX IF EXISTS asyncops_operation_node;

-- Forgetting final operations after their retention.
CREATE INDEX IF NOT EXISTS asyncops_operation_evict
  ON asyncops_operation (evict_at);

-- Listing the operations of a type, newest first, in the order of every listing (created_at, then
-- id), so that a keyset cursor is a range of it. An earlier version indexed (type_name, created_at).
CREATE INDEX IF NOT EXISTS asyncops_operation_type_created
  ON asyncops_operation (type_name, created_at DESC, id DESC);

DROP INDEX IF EXISTS asyncops_operation_list;

-- The operator console's lists of every type, in the same order, and its creation range.
CREATE INDEX IF NOT EXISTS asyncops_operation_created
  ON asyncops_operation (created_at DESC, id DESC);

-- The operator console's count of failures in the last hour.
CREATE INDEX IF NOT EXISTS asyncops_operation_failed
  ON asyncops_operation (state, finished_at);

-- Download results up to the store's size limit; larger ones live in a BlobStore.
CREATE TABLE IF NOT EXISTS asyncops_result (
  id      VARCHAR(22) PRIMARY KEY REFERENCES asyncops_operation (id) ON DELETE CASCADE,
  content BLOB        NOT NULL
);

-- Ids of forgotten operations, so that they answer "gone" rather than "not found" for a while.
-- Bounded in time (expires_at) and in number (the newest by seq are kept).
CREATE TABLE IF NOT EXISTS asyncops_forgotten (
  id         VARCHAR(22)              PRIMARY KEY,
  seq        BIGINT                   GENERATED ALWAYS AS IDENTITY,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS asyncops_forgotten_expiry
  ON asyncops_forgotten (expires_at);

CREATE INDEX IF NOT EXISTS asyncops_forgotten_seq
  ON asyncops_forgotten (seq);

-- How many operations are queued, split over 16 rows that inserts and claims add to and take
-- from, so that the queue limit needs neither a cluster-wide lock nor a count of the queue. The
-- first row starts with what an earlier version left queued.
CREATE TABLE IF NOT EXISTS asyncops_queue (
  shard  INTEGER PRIMARY KEY,
  queued BIGINT  NOT NULL
);

INSERT INTO asyncops_queue (shard, queued)
  SELECT X, CASE WHEN X = 0
    THEN (SELECT COUNT(*) FROM asyncops_operation WHERE state = 'QUEUED') ELSE 0 END
  FROM SYSTEM_RANGE(0, 15)
  WHERE NOT EXISTS (SELECT 1 FROM asyncops_queue);
