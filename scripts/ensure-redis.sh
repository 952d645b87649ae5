#!/usr/bin/env bash
# Installs Debian's redis-server for the cluster tests when it is missing (root, or sudo, needed once).
# Only the binary is used: tests and `npm run cluster` start their own redis-server on a free
# 127.0.0.1 port with a temporary folder; no system service is used.
set -euo pipefail
if [ -n "${REDIS_SERVER_PATH:-}" ] && [ -x "$REDIS_SERVER_PATH" ]; then exit 0; fi
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
echo "redis-server not found: installing Debian's redis-server package" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null
command -v redis-server >/dev/null
