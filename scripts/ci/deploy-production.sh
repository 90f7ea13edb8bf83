#!/usr/bin/env bash
# CI stage Production: loads the new images on the production Docker host (DOCKER_HOST) and rolls
# the gateway nodes one at a time, each back to healthy before the next (scripts/deploy/rolling-update.sh).
# Usage: scripts/ci/deploy-production.sh ENV_FILE
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
env_file="${1:?usage: $0 ENV_FILE (the production .env)}"
scripts/deploy/load-images.sh
scripts/deploy/rolling-update.sh "$env_file" booking
