#!/usr/bin/env bash
# CI stage Build: compile and package every module (image tarballs included), no tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -B install -DskipTests
