#!/usr/bin/env bash
# Makes a self-signed certificate for local use of the production stack (browsers will warn): a P-256
# key and a certificate for localhost and 127.0.0.1, valid 365 days, as booking.key and booking.crt in
# DIR (default nginx/certs, which docker-compose.prod.yml mounts at /etc/nginx/certs). In production put
# the real certificate and key there under the same names.
#
# Usage: nginx/make-self-signed-cert.sh [DIR] [HOSTNAME]
set -euo pipefail

dir="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/certs}"
host="${2:-localhost}"
command -v openssl >/dev/null || { echo "make-self-signed-cert: openssl not found (Debian: apt-get install openssl)" >&2; exit 1; }
mkdir -p "$dir"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 365 \
  -subj "/CN=$host" -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/booking.key" -out "$dir/booking.crt" 2>/dev/null
chmod 600 "$dir/booking.key"
# nginx's workers read the key after dropping root; in the container they run as user nginx.
chmod 644 "$dir/booking.crt"
echo "$dir/booking.crt"
