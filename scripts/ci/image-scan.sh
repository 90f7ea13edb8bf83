#!/usr/bin/env bash
# CI stage Image scan: Trivy over both image tarballs (OS libraries of the base image and every jar);
# fails on HIGH or CRITICAL findings that have a fix.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
command -v trivy >/dev/null || { echo "image-scan: trivy not found: install it on the CI agent (https://trivy.dev)" >&2; exit 1; }
for image in gateway connect; do
  trivy image --input "deployment/$image-image/target/jib-image.tar" --severity HIGH,CRITICAL --ignore-unfixed --exit-code 1
done
