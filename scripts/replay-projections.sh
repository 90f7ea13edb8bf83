#!/usr/bin/env bash
# Rebuilds nothing, re-reads everything: resets the projection sink's offsets so the Connect worker
# reads the log topics again from offset 0 into the existing tables. The sink's forward-only upserts
# make this harmless (rows already at a later position are left alone); the way to refill tables
# after they were emptied or changed by hand. Connect only resets offsets of a STOPPED connector.
#
# Usage: scripts/replay-projections.sh [CONNECT_URL] [CONNECTOR]   defaults http://127.0.0.1:8083 projections
set -euo pipefail

url="${1:-http://127.0.0.1:8083}"
name="${2:-projections}"

call() { curl -fsS -X "$1" "$url/connectors/$name$2"; }

state() { call GET /status | sed -n 's/.*"connector":{"state":"\([A-Z]*\)".*/\1/p'; }

call PUT /stop >/dev/null
for _ in $(seq 1 60); do
  [ "$(state)" = "STOPPED" ] && break
  sleep 1
done
[ "$(state)" = "STOPPED" ] || { echo "replay: connector $name did not stop" >&2; exit 1; }
call DELETE /offsets
echo
call PUT /resume >/dev/null
echo "replay: $name resumed from offset 0 of every topic"
