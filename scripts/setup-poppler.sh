#!/usr/bin/env bash
# Installs Debian's poppler-utils for pdftotext, which the server uses to
# read the text layer of an uploaded PDF for translation
# (packages/server/src/translation/pdf-text.ts; the tests in
# packages/server/test/translations.test.ts). Idempotent; needs root (CI
# runs as root; elsewhere run it with sudo). Prints pdftotext's path and
# version last.
set -euo pipefail
if ! command -v pdftotext >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
fi
command -v pdftotext >/dev/null 2>&1 || { echo "setup-poppler: pdftotext is still missing" >&2; exit 1; }
command -v pdftotext
# Not `| head`: under pipefail the version text's SIGPIPE would fail the script.
version=$(pdftotext -v 2>&1 || true)
printf '%s\n' "${version%%$'\n'*}"
