#!/usr/bin/env bash
# Prepares the PostgreSQL that the integration tests use: starts the local cluster if it is down
# and creates the role and database "asyncops" (password "asyncops") if they are missing.
# Idempotent; runs as root (Debian's pg_ctlcluster, psql through "su postgres"). Does nothing
# when the database already accepts the test credentials, for example on a developer's machine.
set -euo pipefail

HOST=127.0.0.1
PORT=5432
NAME=asyncops

can_log_in() {
  PGPASSWORD="$NAME" PGCONNECT_TIMEOUT=3 psql -h "$HOST" -p "$PORT" -U "$NAME" -d "$NAME" \
    -tAc 'SELECT 1' >/dev/null 2>&1
}

if can_log_in; then
  exit 0
fi

read -r VERSION CLUSTER STATUS < <(pg_lsclusters -h | awk '{print $1, $2, $4}' | head -n 1)
if [ "$STATUS" != "online" ]; then
  # Returns once the server accepts connections (pg_ctl start waits by default).
  pg_ctlcluster "$VERSION" "$CLUSTER" start
fi

as_postgres() {
  su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $PORT -tAc \"$1\""
}
if [ -z "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = '$NAME'")" ]; then
  as_postgres "CREATE USER $NAME WITH PASSWORD '$NAME'"
fi
if [ -z "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = '$NAME'")" ]; then
  as_postgres "CREATE DATABASE $NAME OWNER $NAME"
fi

if ! can_log_in; then
  echo "start-postgres.sh: cannot log in to $NAME@$HOST:$PORT" >&2
  exit 1
fi
