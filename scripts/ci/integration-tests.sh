#!/usr/bin/env bash
# CI stage Integration tests: Failsafe (*IT) against real brokers, PostgreSQL, Redis and nginx from the
# machine's Debian packages; coverage in */target/site/jacoco-it, reports in */target/failsafe-reports.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
scripts/ensure-packages.sh redis-server postgresql nginx docker-compose openssl
mvn -B -Pcoverage verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
