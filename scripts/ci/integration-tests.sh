#!/usr/bin/env bash
# CI stage Integration tests: Failsafe (*IT) against real brokers, PostgreSQL, Redis and nginx from the
# machine's Debian packages, and the web app's end-to-end tests in Debian's chromium against ./booking dev;
# coverage in */target/site/jacoco-it, reports in */target/failsafe-reports and frontend/target/e2e-reports,
# seat-map screenshots in frontend/target/e2e-screenshots.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
scripts/ensure-packages.sh redis-server postgresql nginx docker-compose openssl chromium
mvn -B -Pcoverage verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
