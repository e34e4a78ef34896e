#!/usr/bin/env bash
# The claim's plan on fresh, never-analyzed tables with a backlog: each layout's tables are
# created, 20,000 operations queued (the first 100 running), and the claim's pick is planned as
# the stores prepare it (a generic plan) and run once, with no ANALYZE and autovacuum off for
# these tables. Prints the plan's shape and the buffers it read.
# Usage: bash benchmarks/layouts/explain.sh [layouts, default "a b c"]; same role as run.sh.
set -euo pipefail
cd "$(dirname "$0")"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-layouts}" PGDATABASE="${PGDATABASE:-asyncops}"
export PGPASSWORD="${PGPASSWORD:-layouts}" PGOPTIONS="-c client_min_messages=warning"
declare -A fill pick
fill[a]="INSERT INTO op (id, type_name, state, progress_value, created_at, updated_at, retention_ms) SELECT 'id' || s, 'noop', CASE WHEN s <= 100 THEN 'RUNNING' ELSE 'QUEUED' END, 0, now(), now(), 0 FROM generate_series(1, 20000) s"
pick[a]="SELECT id FROM op WHERE type_name = \$1 AND state = 'QUEUED' ORDER BY created_at, seq FETCH FIRST \$2 ROWS ONLY FOR UPDATE SKIP LOCKED"
fill[b]="INSERT INTO job (id, seq, type_name, state, updated_at) SELECT 'id' || s, s, 'noop', CASE WHEN s <= 100 THEN 'RUNNING' ELSE 'QUEUED' END, now() FROM generate_series(1, 20000) s"
pick[b]="SELECT id FROM job WHERE type_name = \$1 AND state = 'QUEUED' ORDER BY seq FETCH FIRST \$2 ROWS ONLY FOR UPDATE SKIP LOCKED"
fill[c]="INSERT INTO job (seq, type_name, id, running, updated_at) SELECT s, 'noop', 'id' || s, s <= 100, now() FROM generate_series(1, 20000) s"
pick[c]="SELECT seq FROM job WHERE type_name = \$1 AND NOT running ORDER BY seq FETCH FIRST \$2 ROWS ONLY FOR UPDATE SKIP LOCKED"
for l in ${1:-a b c}; do
  schema="explain_$l"
  psql -X -qtA <<SQL
DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema; SET search_path = $schema;
\i $l.sql
DO \$\$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = '$schema' LOOP
  EXECUTE format('ALTER TABLE %I SET (autovacuum_enabled = false)', t); END LOOP; END \$\$;
${fill[$l]};
SET plan_cache_mode = force_generic_plan;
PREPARE pick(text, int) AS ${pick[$l]};
\echo layout $l
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE pick('noop', 4);
RESET search_path; DROP SCHEMA $schema CASCADE;
SQL
done | grep -E "^layout|Scan|Sort|Buffers: shared" | grep -v "^ *Planning"
