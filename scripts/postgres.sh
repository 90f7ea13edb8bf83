#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for development and tests, from the Debian binaries: no service, no Docker.
# It listens on 127.0.0.1 only (unix socket inside the data dir), database and user `booking`, password `booking`.
# As root it runs the server as the `postgres` OS user (PostgreSQL refuses to run as root) and hands it the data dir.
#
# Usage: scripts/postgres.sh start DATA_DIR [PORT]   initialises DATA_DIR if new; PORT defaults to the last one used,
#                                                    else a free one; prints the JDBC URL when the server accepts clients
#        scripts/postgres.sh stop DATA_DIR           fast shutdown (open transactions are rolled back)
#        scripts/postgres.sh status DATA_DIR         exit 0 when running
#        scripts/postgres.sh url DATA_DIR            the JDBC URL, with user and password parameters
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin).
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
USER_NAME=booking
PASSWORD=booking
DATABASE=booking

die() { echo "postgres.sh: $*" >&2; exit 1; }

[ "$#" -ge 2 ] || die "usage: $0 start|stop|status|url DATA_DIR [PORT]"
command="$1"
mkdir -p "$2"
DATA_DIR="$(cd "$2" && pwd)"
PORT_FILE="$DATA_DIR/port"

[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] ||
  die "no PostgreSQL 15 binaries in $PG_BIN: install the Debian package with 'apt-get install postgresql'" \
      "(or run scripts/ensure-packages.sh postgresql), or set PG_BIN"

# Runs a PostgreSQL binary as the user that owns the cluster; from / so the postgres user may read the cwd.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" || { echo "$port"; return; }
  done
  die "no free port found"
}

url() { echo "jdbc:postgresql://127.0.0.1:$(cat "$PORT_FILE")/$DATABASE?user=$USER_NAME&password=$PASSWORD"; }

initialise() {
  [ "$(id -u)" -ne 0 ] || chown postgres: "$DATA_DIR"
  chmod 700 "$DATA_DIR"
  local pwfile="$DATA_DIR/.pwfile"
  echo "$PASSWORD" > "$pwfile"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$pwfile"
  # Text compares bytewise (LC_COLLATE C): the reporting tables' keys are identifiers, and a locale's
  # collation cost the sink's index inserts twice the comparison work (README of sink-connectors).
  as_owner "$PG_BIN/initdb" -D "$DATA_DIR/data" -U "$USER_NAME" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 --lc-collate=C \
    --auth-local=trust --auth-host=scram-sha-256 >"$DATA_DIR/initdb.log" 2>&1 ||
    { cat "$DATA_DIR/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"
  # Loopback only; the socket lives in the data dir, so no shared /var/run directory is needed.
  cat >>"$DATA_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DATA_DIR'
max_connections = 100
# The projection sink writes in bursts of large transactions: room for WAL between checkpoints,
# so pages are not written again and again in full after each one.
shared_buffers = 256MB
wal_buffers = 16MB
max_wal_size = 4GB
checkpoint_timeout = 15min
wal_compression = lz4
CONF
}

start() {
  local port="${1:-}"
  [ -f "$DATA_DIR/data/PG_VERSION" ] || initialise
  if as_owner "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" status >/dev/null 2>&1; then
    url
    return
  fi
  if [ -z "$port" ]; then
    if [ -f "$PORT_FILE" ] && ! port_in_use "$(cat "$PORT_FILE")"; then port="$(cat "$PORT_FILE")"; else port="$(free_port)"; fi
  fi
  echo "$port" > "$PORT_FILE"
  as_owner "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" -l "$DATA_DIR/postgres.log" -w -t 60 -o "-p $port" start >/dev/null ||
    { tail -n 30 "$DATA_DIR/postgres.log" >&2; die "the server did not start on port $port"; }
  if ! as_owner "$PG_BIN/psql" -h "$DATA_DIR" -p "$port" -U "$USER_NAME" -d postgres -Atqc \
      "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1; then
    as_owner "$PG_BIN/createdb" -h "$DATA_DIR" -p "$port" -U "$USER_NAME" "$DATABASE"
  fi
  url
}

case "$command" in
  start) start "${3:-}" ;;
  stop) as_owner "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true ;;
  status) as_owner "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" status >/dev/null 2>&1 ;;
  url) [ -f "$PORT_FILE" ] || die "$DATA_DIR has never been started"; url ;;
  *) die "unknown command '$command' (start|stop|status|url)" ;;
esac
