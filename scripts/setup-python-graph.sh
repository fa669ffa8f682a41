#!/usr/bin/env bash
# Installs Debian's python3-igraph and python3-networkx, the peers of the
# network benchmark (packages/network/bench/betweenness.bench.ts runs them
# with /usr/bin/python3, or $NARIZ_PYTHON). Idempotent; needs root (CI runs
# as root; elsewhere run it with sudo).
set -euo pipefail
PY=/usr/bin/python3
if ! "$PY" -c 'import igraph, networkx' >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  apt-get install -y -qq python3-igraph python3-networkx >/dev/null
fi
"$PY" -c 'import igraph, networkx; print("python-igraph", igraph.__version__, "networkx", networkx.__version__)'
