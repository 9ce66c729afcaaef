#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages (if missing), starts a throwaway cluster on loopback
# and prints its connection string on standard output, for the store's PostgreSQL tests:
#
#   export DATELINE_TEST_POSTGRES="$(bash .ci/postgres.sh)"    (.ci/services/postgres.sh does this in CI)
#   dotnet test tests/Dateline.Store.Tests
#
# Idempotent: a cluster already running on the port is reused. Everything else goes to stderr.
# Stop it with: runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" -D "$DATA" stop
set -euo pipefail

PORT="${DATELINE_PG_PORT:-55432}"
DATA="${DATELINE_PG_DATA:-/tmp/dateline-pg-$PORT}"
USER_NAME=dateline
DATABASE=dateline_test

log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and this is not root: run as root, or apt-get install postgresql"
    exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
fi

BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

# PostgreSQL refuses to run as root: run it as the postgres account the package created.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if ! as_owner "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA"
    log "creating a cluster in $DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U "$USER_NAME" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
  fi
  log "starting PostgreSQL on 127.0.0.1:$PORT"
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-h 127.0.0.1 -p $PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2
fi

if ! as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1; then
  as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" -d postgres -qc "CREATE DATABASE $DATABASE" >&2
fi

echo "Host=127.0.0.1;Port=$PORT;Username=$USER_NAME;Database=$DATABASE"
