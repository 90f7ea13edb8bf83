#!/usr/bin/env bash
# CI stage Dependency scan: OWASP dependency-check over every module's dependencies; fails on a known
# vulnerability of CVSS 7 or more. NVD_API_KEY makes the NVD download fast (optional). Report:
# target/dependency-check-report.html.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -B org.owasp:dependency-check-maven:aggregate -DfailBuildOnCVSS=7 -Dformats=HTML,JSON \
  ${NVD_API_KEY:+-DnvdApiKey="$NVD_API_KEY"}
