#!/usr/bin/env bash
# Creates or updates the projection sink in the distributed Connect worker (idempotent PUT), from
# sink-connectors/config/projection-sink.json; the passwords in it are ${env:...} references the worker
# resolves from its own environment, so they never pass through the REST API.
# Usage: scripts/deploy/register-connector.sh [CONNECT_URL]   default http://127.0.0.1:8083
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
url="${1:-http://127.0.0.1:8083}"
for _ in $(seq 1 60); do
  curl -fsS "$url/connectors" >/dev/null 2>&1 && break
  sleep 2
done
curl -fsS -X PUT -H 'Content-Type: application/json' --data @sink-connectors/config/projection-sink.json \
  "$url/connectors/projections/config" >/dev/null
echo "register-connector: projections configured at $url"
