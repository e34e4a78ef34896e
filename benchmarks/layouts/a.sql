-- Layout A, the store of issue 12: one wide row per operation, updated in place until evicted.
CREATE TABLE op (
  id varchar(22) PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY,
  type_name varchar(64) NOT NULL, state varchar(16) NOT NULL,
  progress_value double precision NOT NULL, progress_text text, owner_name text, caller_key text,
  slot text, parameters text, created_at timestamptz NOT NULL, started_at timestamptz,
  updated_at timestamptz NOT NULL, finished_at timestamptz, evict_at timestamptz, error text,
  result_kind varchar(5) NOT NULL DEFAULT 'NONE', result_value text, result_media_type text,
  result_file_name text, result_length bigint, stop_requested boolean NOT NULL DEFAULT false,
  node text, heartbeat_at timestamptz, retention_ms bigint NOT NULL,
  epoch bigint NOT NULL DEFAULT 0, idem_key text, idem_fingerprint text);
CREATE UNIQUE INDEX ON op (type_name, slot) WHERE slot IS NOT NULL;
CREATE UNIQUE INDEX ON op (type_name, idem_key) WHERE idem_key IS NOT NULL;
CREATE INDEX ON op (type_name, created_at, seq) WHERE state = 'QUEUED';
CREATE INDEX ON op (heartbeat_at) WHERE state IN ('RUNNING', 'STOPPING');
CREATE INDEX ON op (evict_at) WHERE evict_at IS NOT NULL;
CREATE INDEX ON op (type_name, created_at DESC);
CREATE TABLE queue (shard integer PRIMARY KEY, queued bigint NOT NULL);
INSERT INTO queue SELECT s, 0 FROM generate_series(0, 15) s;
