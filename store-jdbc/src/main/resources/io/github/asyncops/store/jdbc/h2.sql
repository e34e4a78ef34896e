-- The asyncops JDBC store's tables for H2 2.x.
--
-- JdbcOperationStore runs this file itself with createSchema(true), the default. To apply it with
-- a migration tool instead (Flyway, Liquibase, ...), copy it into a migration as it is, and build
-- the store with createSchema(false). Every statement is idempotent. The names use the default
-- table prefix "asyncops_"; with another tablePrefix(...) or a schema(...), change the names to
-- match.
--
-- This is the layout of issue 23 (layout C in BENCHMARKS.md), as postgresql.sql describes it. The
-- table of the 0.1.0-SNAPSHOT layout (asyncops_operation, with asyncops_result) is not migrated:
-- this file creates new tables beside it and never reads it.

-- The record of each operation, active or final, until it is forgotten after its retention: what
-- users read. Inserted by the start (state 'QUEUED' until the end) and updated once, by the end.
CREATE TABLE IF NOT EXISTS asyncops_record (
  id                VARCHAR(22)              PRIMARY KEY,
  seq               BIGINT                   GENERATED ALWAYS AS IDENTITY,
  type_name         VARCHAR(64)              NOT NULL,
  state             VARCHAR(16)              NOT NULL,
  owner_name        VARCHAR(1000000),
  caller_key        VARCHAR(1000000),
  parameters        CLOB,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at        TIMESTAMP WITH TIME ZONE,
  finished_at       TIMESTAMP WITH TIME ZONE,
  evict_at          TIMESTAMP WITH TIME ZONE,
  evict_after       TIMESTAMP WITH TIME ZONE NOT NULL,
  progress_value    DOUBLE PRECISION,
  progress_text     VARCHAR(1000000),
  progress_message  VARCHAR(2048),
  error             VARCHAR(1000000),
  cause             VARCHAR(1000000),
  error_message     VARCHAR(2048),
  result_kind       VARCHAR(5)               DEFAULT 'NONE' NOT NULL,
  result_value      CLOB,
  result_media_type VARCHAR(1000000),
  result_file_name  VARCHAR(1000000),
  result_length     BIGINT,
  stop_requested    BOOLEAN                  DEFAULT FALSE NOT NULL,
  node              VARCHAR(1000000),
  heartbeat_at      TIMESTAMP WITH TIME ZONE,
  epoch             BIGINT                   DEFAULT 0 NOT NULL,
  retention_ms      BIGINT                   NOT NULL,
  idem_key          VARCHAR(1000000),
  idem_fingerprint  VARCHAR(1000000)
);

-- At most one operation per (type, owner, idempotency key) while it is kept, active or final, so
-- that a retried start that reaches another node finds the first. NULLs never collide.
CREATE UNIQUE INDEX IF NOT EXISTS asyncops_record_idem
  ON asyncops_record (type_name, idem_key);

-- Listing the operations of a type, newest first, in the order of every listing (created_at, then
-- id), so that a keyset cursor is a range of it.
CREATE INDEX IF NOT EXISTS asyncops_record_type_created
  ON asyncops_record (type_name, created_at DESC, id DESC);

-- The operator console's lists of every type, in the same order, and its creation range.
CREATE INDEX IF NOT EXISTS asyncops_record_created
  ON asyncops_record (created_at DESC, id DESC);

-- Forgetting final operations after their retention: none is due before its evict_after
-- (created_at plus the retention, set by the start).
CREATE INDEX IF NOT EXISTS asyncops_record_evict
  ON asyncops_record (evict_after);

-- The queue: one narrow row per active operation, inserted with its record and deleted by its end.
CREATE TABLE IF NOT EXISTS asyncops_job (
  seq              BIGINT                   NOT NULL,
  type_name        VARCHAR(64)              NOT NULL,
  id               VARCHAR(22)              NOT NULL,
  slot             VARCHAR(1000000),
  running          BOOLEAN                  DEFAULT FALSE NOT NULL,
  node             VARCHAR(1000000),
  epoch            BIGINT                   DEFAULT 0 NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  heartbeat_at     TIMESTAMP WITH TIME ZONE,
  started_at       TIMESTAMP WITH TIME ZONE,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  progress_value   DOUBLE PRECISION         DEFAULT 0 NOT NULL,
  progress_text    VARCHAR(1000000),
  progress_message VARCHAR(2048),
  stop_requested   BOOLEAN                  DEFAULT FALSE NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS asyncops_job_queue
  ON asyncops_job (type_name, seq);

-- At most one active operation per (type, scope slot): NULLs never collide.
CREATE UNIQUE INDEX IF NOT EXISTS asyncops_job_held_slot
  ON asyncops_job (type_name, slot);

-- How many ended operations there are per type and final state, split over 16 shards by a hash of
-- the id: the operator console's summary reads these instead of counting every record.
CREATE TABLE IF NOT EXISTS asyncops_tally (
  type_name VARCHAR(64) NOT NULL,
  state     VARCHAR(16) NOT NULL,
  shard     INTEGER     NOT NULL,
  count     BIGINT      NOT NULL,
  PRIMARY KEY (type_name, state, shard)
);

-- The failures of the operator console's "failed in the last hour", gone with their record.
CREATE TABLE IF NOT EXISTS asyncops_failure (
  id          VARCHAR(22)              PRIMARY KEY
              REFERENCES asyncops_record (id) ON DELETE CASCADE,
  finished_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX IF NOT EXISTS asyncops_failure_finished
  ON asyncops_failure (finished_at);

-- Download results up to the store's size limit; larger ones live in a BlobStore.
CREATE TABLE IF NOT EXISTS asyncops_download (
  id      VARCHAR(22) PRIMARY KEY REFERENCES asyncops_record (id) ON DELETE CASCADE,
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
-- from, so that the queue limit needs neither a cluster-wide lock nor a count of the queue.
CREATE TABLE IF NOT EXISTS asyncops_queue (
  shard  INTEGER PRIMARY KEY,
  queued BIGINT  NOT NULL
);

INSERT INTO asyncops_queue (shard, queued)
  SELECT X, 0 FROM SYSTEM_RANGE(0, 15)
  WHERE NOT EXISTS (SELECT 1 FROM asyncops_queue);
