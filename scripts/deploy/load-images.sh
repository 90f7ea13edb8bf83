#!/usr/bin/env bash
# Loads the image tarballs Jib built into the Docker engine at DOCKER_HOST (local when unset).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
for image in gateway connect; do
  tarball="deployment/$image-image/target/jib-image.tar"
  [[ -f "$tarball" ]] || { echo "load-images: $tarball is missing: run scripts/ci/images.sh" >&2; exit 1; }
  docker load -i "$tarball"
done
