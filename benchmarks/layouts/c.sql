-- Layout C: B with a queue row that HOT updates serve from its claim on: the queue row has one
-- index, on (type_name, seq), which no claim, progress or heartbeat changes (no state predicate,
-- no lease index; expiry reads the short table), and is found through the record's key. Its
-- state is two booleans (running, stop_requested): a claim filters on NOT running, whose default
-- selectivity without statistics (0.5, against 0.005 for an equality) keeps the ordered index scan.
CREATE TABLE op (
  id varchar(22) PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY,
  type_name varchar(64) NOT NULL, state varchar(16) NOT NULL, owner_name text, caller_key text,
  slot text, parameters text, created_at timestamptz NOT NULL, started_at timestamptz,
  finished_at timestamptz, evict_at timestamptz, progress_value double precision,
  progress_text text, error text, result_kind varchar(5) NOT NULL DEFAULT 'NONE',
  result_value text, result_media_type text, result_file_name text, result_length bigint,
  node text, epoch bigint NOT NULL DEFAULT 0, retention_ms bigint NOT NULL, idem_key text,
  idem_fingerprint text) WITH (fillfactor = 80);
CREATE UNIQUE INDEX ON op (type_name, idem_key) WHERE idem_key IS NOT NULL;
CREATE INDEX ON op (type_name, created_at DESC);
CREATE TABLE job (
  seq bigint NOT NULL, type_name varchar(64) NOT NULL, id varchar(22) NOT NULL, slot text,
  running boolean NOT NULL DEFAULT false, node text, epoch bigint NOT NULL DEFAULT 0,
  heartbeat_at timestamptz, started_at timestamptz, updated_at timestamptz NOT NULL,
  progress_value double precision NOT NULL DEFAULT 0, progress_text text,
  stop_requested boolean NOT NULL DEFAULT false) WITH (fillfactor = 50);
CREATE UNIQUE INDEX ON job (type_name, seq);
CREATE UNIQUE INDEX ON job (type_name, slot) WHERE slot IS NOT NULL;
CREATE TABLE queue (shard integer PRIMARY KEY, queued bigint NOT NULL);
INSERT INTO queue SELECT s, 0 FROM generate_series(0, 15) s;
