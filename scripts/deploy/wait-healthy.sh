#!/usr/bin/env bash
# Waits until every named service's container reports healthy (its compose health check), 5 minutes at most.
# Usage: scripts/deploy/wait-healthy.sh ENV_FILE PROJECT SERVICE...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
env_file="$1" project="$2"
shift 2
compose=(docker-compose --env-file "$env_file" -p "$project" --profile green -f docker-compose.prod.yml)
for service in "$@"; do
  status=missing
  for _ in $(seq 1 100); do
    id="$("${compose[@]}" ps -q "$service")"
    [[ -n "$id" ]] && status="$(docker inspect -f '{{.State.Health.Status}}' "$id")"
    [[ "$status" == healthy ]] && break
    sleep 3
  done
  [[ "$status" == healthy ]] || { echo "wait-healthy: $service is $status after 5 minutes: see docker-compose logs $service" >&2; exit 1; }
  echo "wait-healthy: $service healthy"
done
