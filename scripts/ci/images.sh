#!/usr/bin/env bash
# CI stage Images: builds the node and Connect images with Jib as tarballs (no Docker daemon) and
# prints their config digests. Output: deployment/{gateway,connect}-image/target/jib-image.tar
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -B -pl deployment/gateway-image,deployment/connect-image -am package -DskipTests
for image in gateway connect; do
  echo "$image: $(cat "deployment/$image-image/target/jib-image.digest" 2>/dev/null || echo '?') deployment/$image-image/target/jib-image.tar"
done
