#!/usr/bin/env bash
# CI stage Smoke test: the deployed stack answers through nginx: health, TLS redirect, the API, the
# front end, and the security headers. Usage: scripts/ci/smoke-test.sh BASE_URL   e.g. https://staging.example.com
set -euo pipefail
base="${1:?usage: $0 BASE_URL}"
curl_opts=(-fsS --max-time 10 ${SMOKE_INSECURE:+-k})
fail() { echo "smoke-test: $*" >&2; exit 1; }

curl "${curl_opts[@]}" "$base/health" | grep -q '"UP"' || fail "$base/health is not UP"
headers="$(curl "${curl_opts[@]}" -D - -o /dev/null "$base/api/events")" || fail "GET $base/api/events failed"
grep -qi '^strict-transport-security:' <<<"$headers" || fail "no HSTS header on /api/events"
grep -qi '^x-request-id:' <<<"$headers" || fail "no X-Request-ID on /api/events"
curl "${curl_opts[@]}" -o /dev/null "$base/" || fail "the front end at $base/ does not answer"
plain="http://${base#https://}"
[[ "$(curl -sS -o /dev/null -w '%{http_code}' --max-time 10 "$plain/")" == 301 ]] || fail "$plain/ does not redirect to HTTPS"
echo "smoke-test: $base is up"
