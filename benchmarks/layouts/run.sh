#!/usr/bin/env bash
# Per-operation cost of storage layouts, statement by statement as the stores make them, with
# pgbench on one connection: statements, WAL bytes and records (pg_stat_wal, and pg_stat_statements
# for this run's statements alone), and the CPU time of the PostgreSQL backend (from /proc).
# Usage: bash benchmarks/layouts/run.sh [operations per layout, default 20000] [layouts, default "a b c d"; also b1, c2]
# Needs pgbench, pg_stat_statements in shared_preload_libraries, and a role of its own, so that
# pg_stat_statements counts this script's statements alone; as the postgres superuser:
#   CREATE EXTENSION pg_stat_statements; CREATE ROLE layouts LOGIN PASSWORD 'layouts';
#   GRANT CREATE ON DATABASE asyncops TO layouts; GRANT pg_read_all_stats TO layouts;
#   GRANT EXECUTE ON FUNCTION pg_stat_statements_reset TO layouts; GRANT pg_checkpoint TO layouts;
# Each layout gets a fresh schema, dropped afterwards. PROGRESS=1 adds one progress write per
# operation. "WAL bytes" and "WAL recs" come from pg_stat_wal, which counts the whole server
# (commit records included); "stmt WAL B" from pg_stat_statements counts this run's statements
# alone, without their commit records; "FPI" is its full-page images per operation, which a
# checkpoint during the run adds (each run starts with one, before its warm-up).
set -euo pipefail
cd "$(dirname "$0")"
N="${1:-20000}"
LAYOUTS="${2:-a b c d}"
PROGRESS="${PROGRESS:-0}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-layouts}" PGDATABASE="${PGDATABASE:-asyncops}"
export PGPASSWORD="${PGPASSWORD:-layouts}"
q() { PGOPTIONS="-c client_min_messages=warning" psql -X -qtAc "$1"; }
hz=$(getconf CLK_TCK)
printf '%-7s %9s %11s %9s %11s %6s %10s\n' layout statements "WAL bytes" "WAL recs" "stmt WAL B" FPI "CPU us"
for l in $LAYOUTS; do
  schema="layout_$l"
  q "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema"
  PGOPTIONS="-c search_path=$schema" psql -X -q -v ON_ERROR_STOP=1 -f "$l.sql"
  q "CHECKPOINT"
  # A short warm-up, then the tables as a database in service would have them.
  PGOPTIONS="-c search_path=$schema" pgbench -n -M prepared -c 1 -t 500 -D progress="$PROGRESS" -f "$l.pgbench" >/dev/null
  q "SELECT pg_stat_statements_reset((SELECT oid FROM pg_roles WHERE rolname = current_user))" >/dev/null
  read -r wal0 rec0 < <(q "SELECT wal_bytes, wal_records FROM pg_stat_wal" | tr '|' ' ')
  PGOPTIONS="-c search_path=$schema" pgbench -n -M prepared -c 1 -t "$N" -D progress="$PROGRESS" \
    -f "$l.pgbench" >/tmp/layout-$l.out 2>&1 &
  bench=$!
  cpu=0 pid=""
  while kill -0 "$bench" 2>/dev/null; do
    [ -n "$pid" ] || pid=$(q "SELECT pid FROM pg_stat_activity WHERE application_name = 'pgbench' AND usename = current_user AND backend_type = 'client backend' ORDER BY backend_start DESC LIMIT 1")
    if [ -n "$pid" ] && [ -r "/proc/$pid/stat" ]; then
      t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo "$cpu")
      cpu=${t:-$cpu}
    fi
    sleep 0.05 # the sampling interval: the backend's CPU must be read before it exits
  done
  wait "$bench"
  read -r wal1 rec1 < <(q "SELECT wal_bytes, wal_records FROM pg_stat_wal" | tr '|' ' ')
  read -r calls swal fpi < <(q "SELECT sum(calls), sum(wal_bytes), sum(wal_fpi) FROM pg_stat_statements WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND query NOT LIKE '%pg_stat%'" | tr '|' ' ')
  awk -v l="$l" -v n="$N" -v c="$calls" -v w0="$wal0" -v w1="$wal1" -v r0="$rec0" -v r1="$rec1" \
    -v sw="$swal" -v fpi="$fpi" -v cpu="$cpu" -v hz="$hz" 'BEGIN {
      printf "%-7s %9.2f %11.0f %9.1f %11.0f %6.2f %10.0f\n", l, c / n, (w1 - w0) / n,
        (r1 - r0) / n, sw / n, fpi / n, cpu * 1e6 / hz / n }'
  if [ -n "${DETAIL:-}" ]; then q "SELECT calls, round(wal_bytes / calls), round(wal_records::numeric / calls, 1), round(total_exec_time::numeric * 1000 / calls), shared_blks_hit / calls, left(query, 60) FROM pg_stat_statements WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND query NOT LIKE '%pg_stat%' ORDER BY query"; fi
  q "DROP SCHEMA $schema CASCADE"
done
