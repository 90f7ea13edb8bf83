#!/usr/bin/env bash
# CI stage Deploy to staging: loads the image tarballs and (re)starts the whole stack on the staging
# Docker host (DOCKER_HOST, e.g. ssh://deploy@staging) with the staging env file.
# Usage: scripts/ci/deploy-staging.sh ENV_FILE
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
env_file="${1:?usage: $0 ENV_FILE (the staging .env)}"
scripts/deploy/load-images.sh
docker-compose --env-file "$env_file" -p booking-staging -f docker-compose.prod.yml up -d --remove-orphans
scripts/deploy/wait-healthy.sh "$env_file" booking-staging gateway-1 gateway-2 connect nginx
scripts/deploy/register-connector.sh
