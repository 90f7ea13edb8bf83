#!/usr/bin/env bash
# Rolling update of the gateway nodes, one at a time: recreate a node with the image tag of the env file
# (BOOKING_IMAGE_TAG), wait until it is healthy (/ready: Streams RUNNING), then the next. nginx skips
# the node while it restarts (proxy_next_upstream, max_fails; commands are never resent, a client
# retries them with the same Idempotency-Key), and Kafka Streams moves the node's partitions to the
# others and back.
# The same works for Connect (service connect) and, one broker at a time, for kafka-1..3.
# Usage: scripts/deploy/rolling-update.sh ENV_FILE [PROJECT [SERVICE...]]   default: booking gateway-1 gateway-2
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
env_file="${1:?usage: $0 ENV_FILE [PROJECT [SERVICE...]]}"
project="${2:-booking}"
services=("${@:3}")
[[ ${#services[@]} -gt 0 ]] || services=(gateway-1 gateway-2)
for service in "${services[@]}"; do
  echo "rolling-update: $service"
  docker-compose --env-file "$env_file" -p "$project" -f docker-compose.prod.yml up -d --no-deps "$service"
  scripts/deploy/wait-healthy.sh "$env_file" "$project" "$service"
done
echo "rolling-update: ${services[*]} updated"
