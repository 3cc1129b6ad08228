#!/usr/bin/env bash
# A PostgreSQL server from Debian packages, started when it is not running, with the project's
# role and database. CI runs as root on a fresh Debian machine.
set -euo pipefail
source scripts/lib/tools.sh
step "PostgreSQL"
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "installing postgresql from Debian packages..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    pg_createcluster "$version" main
  fi
  read -r version cluster _ < <(pg_lsclusters -h | head -1)
  echo "starting cluster $version/$cluster..."
  pg_ctlcluster "$version" "$cluster" start || service postgresql start
  for _ in $(seq 1 50); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.2; done
  pg_isready -h 127.0.0.1 -p 5432
else
  echo "server accepting connections on 127.0.0.1:5432"
fi

as_postgres "psql -qtAc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='caseflow') THEN CREATE ROLE caseflow LOGIN PASSWORD 'caseflow' CREATEDB; END IF; END \\\$\\\$;\""
# DROP DATABASE … WITH (FORCE) also ends an autovacuum worker in the scratch database; a non-superuser
# needs pg_signal_backend for that (the worker belongs to no role).
as_postgres "psql -qtAc 'GRANT pg_signal_backend TO caseflow'"
if ! as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='caseflow'\"" | grep -q 1; then
  as_postgres "createdb -O caseflow caseflow"
  echo "database caseflow created"
fi
psql "$CASEFLOW_PG_URL" -qtAc "SELECT 'database ready: ' || current_database()"
