#!/usr/bin/env bash
# Installs Debian's Chromium for the web app's end-to-end tests (driven by
# playwright-core; no browser is ever downloaded). Idempotent; needs root
# (CI runs as root; elsewhere run it with sudo).
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
command -v chromium
