#!/usr/bin/env bash
# Installs PostgreSQL 15 + PostGIS from Debian, starts the cluster, and
# creates the test role and database with the PostGIS extension. Prints the
# connection URL for NARIZ_TEST_PG_URL on its last line. Idempotent; needs
# root (CI runs as root; elsewhere run it with sudo).
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null || true
  apt-get install -y -qq postgresql postgresql-15-postgis-3 >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  runuser -u postgres -- pg_isready -q && break
  sleep 1
done
as_pg() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"; }
as_pg -tc "SELECT 1 FROM pg_roles WHERE rolname = 'nariz'" | grep -q 1 || as_pg -c "CREATE ROLE nariz LOGIN PASSWORD 'nariz'"
as_pg -tc "SELECT 1 FROM pg_database WHERE datname = 'nariz_test'" | grep -q 1 || as_pg -c "CREATE DATABASE nariz_test OWNER nariz"
as_pg -d nariz_test -c "CREATE EXTENSION IF NOT EXISTS postgis"
echo "postgres://nariz:nariz@localhost:5432/nariz_test"
