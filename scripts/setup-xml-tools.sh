#!/usr/bin/env bash
# Installs Debian's xmllint (libxml2-utils), the real peer that validates our
# Cursor-on-Target events against the MITRE XSD, and openssl, which the TAK
# sender's TLS tests use to make a throwaway CA (packages/exchange/test).
# Idempotent; needs root (CI runs as root; elsewhere run it with sudo).
set -euo pipefail
if ! command -v xmllint >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  apt-get install -y -qq libxml2-utils openssl >/dev/null
fi
command -v xmllint
command -v openssl
