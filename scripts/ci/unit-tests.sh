#!/usr/bin/env bash
# CI stage Unit tests: Surefire (*Test, *Properties) with coverage; reports in */target/surefire-reports
# and */target/site/jacoco.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -B -Pcoverage test
