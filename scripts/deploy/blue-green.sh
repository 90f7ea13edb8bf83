#!/usr/bin/env bash
# Blue-green switch of the gateway nodes. Blue: gateway-1/2 on BOOKING_IMAGE_TAG. Green: gateway-green-1/2
# (profile green of docker-compose.prod.yml) on BOOKING_GREEN_TAG; docker-compose.blue-green.yml points
# nginx at them.
#   to green: start green, wait until healthy, recreate nginx with nginx/upstream-green.conf, stop blue.
#   --back:   start blue, wait until healthy, recreate nginx with the blue upstream, stop green.
# nginx is recreated rather than reloaded (its config is mounted read-only): clients see about a
# second of refused connections; the rolling update (rolling-update.sh) is the path without any.
# All nodes share one Streams application id, so green joins the same group and takes the partitions
# over by rebalance: the switch moves traffic and code, the state follows through Kafka.
# Usage: scripts/deploy/blue-green.sh ENV_FILE [--back] [PROJECT]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
env_file="${1:?usage: $0 ENV_FILE [--back] [PROJECT]}"
back=false
[[ "${2:-}" == --back ]] && { back=true; shift; }
project="${2:-booking}"
blue=(docker-compose --env-file "$env_file" -p "$project" --profile green -f docker-compose.prod.yml)
green=("${blue[@]}" -f docker-compose.blue-green.yml)
if $back; then
  "${green[@]}" up -d --no-deps gateway-1 gateway-2
  scripts/deploy/wait-healthy.sh "$env_file" "$project" gateway-1 gateway-2
  "${blue[@]}" up -d --no-deps --force-recreate nginx
  "${green[@]}" stop gateway-green-1 gateway-green-2
  echo "blue-green: traffic back on gateway-1 gateway-2"
else
  "${green[@]}" up -d --no-deps gateway-green-1 gateway-green-2
  scripts/deploy/wait-healthy.sh "$env_file" "$project" gateway-green-1 gateway-green-2
  "${green[@]}" up -d --no-deps --force-recreate nginx
  "${green[@]}" stop gateway-1 gateway-2
  echo "blue-green: traffic on gateway-green-1 gateway-green-2"
fi
