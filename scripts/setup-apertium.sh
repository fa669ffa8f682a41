#!/usr/bin/env bash
# Installs Debian's Apertium and its English <-> Spanish pair (modes spa-eng
# and eng-spa) for the translation engine's peer tests and benchmark
# (packages/translate/test/apertium*.test.ts,
# packages/translate/bench/translate.bench.ts). Idempotent; needs root (CI
# runs as root; elsewhere run it with sudo). Prints the apertium binary and
# the mode files last.
set -euo pipefail
modes_dir=/usr/share/apertium/modes
have_pair() {
  command -v apertium >/dev/null 2>&1 &&
    [ -f "$modes_dir/spa-eng.mode" ] && [ -f "$modes_dir/eng-spa.mode" ]
}
if ! have_pair; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  apt-get install -y -qq --no-install-recommends apertium apertium-eng-spa >/dev/null
fi
have_pair || { echo "setup-apertium: apertium or the spa-eng/eng-spa modes are still missing" >&2; exit 1; }
command -v apertium
echo "$modes_dir/spa-eng.mode"
echo "$modes_dir/eng-spa.mode"
