#!/usr/bin/env bash
# Installs the Debian packages named as arguments, but only those that are missing, so the test launcher can
# call it before every run: when everything is present it needs neither root nor the network.
# A package counts as present when dpkg has it installed, or when a command of the same name is already on
# PATH (e.g. a redis-server built from source).
#
# Usage: scripts/ensure-packages.sh PACKAGE...      e.g. scripts/ensure-packages.sh redis-server
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 PACKAGE..." >&2
  exit 2
fi

missing=()
for package in "$@"; do
  if dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed$'; then
    continue
  fi
  if command -v "$package" >/dev/null 2>&1; then
    continue
  fi
  missing+=("$package")
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-packages: missing ${missing[*]}, and apt-get is not available: install them by hand" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "ensure-packages: missing ${missing[*]}; run as root, or install sudo, or run:" >&2
    echo "  apt-get install ${missing[*]}" >&2
    exit 1
  fi
  # -n: fail rather than wait for a password prompt nobody will answer.
  as_root=(sudo -n)
fi

echo "ensure-packages: installing ${missing[*]}" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
