#!/bin/sh
# Creates (or upgrades) Temporal's two PostgreSQL databases with temporal-sql-tool from the
# temporalio/admin-tools image. Idempotent: `create-database` ignores an existing database,
# `setup-schema -v 0.0` only adds the version tables when missing, and `update-schema`
# applies only the versioned steps newer than what the database records.
#
# Connection settings come from the environment (temporal-sql-tool reads SQL_HOST, SQL_PORT,
# SQL_USER, SQL_PASSWORD and SQL_PLUGIN itself); see docker-compose.yml.
set -eu

: "${SQL_HOST:?SQL_HOST is required}"
: "${SQL_USER:?SQL_USER is required}"
: "${SQL_PASSWORD:?SQL_PASSWORD is required}"
SQL_PORT="${SQL_PORT:-5432}"
SQL_PLUGIN="${SQL_PLUGIN:-postgres12}"
export SQL_HOST SQL_PORT SQL_USER SQL_PASSWORD SQL_PLUGIN

SCHEMA_ROOT=/etc/temporal/schema/postgresql/v12

attempt=1
until nc -z -w 5 "$SQL_HOST" "$SQL_PORT"; do
  if [ "$attempt" -ge 30 ]; then
    echo "temporal-schema: PostgreSQL at $SQL_HOST:$SQL_PORT is not reachable" >&2
    exit 1
  fi
  echo "temporal-schema: waiting for PostgreSQL at $SQL_HOST:$SQL_PORT ($attempt/30)"
  attempt=$((attempt + 1))
  sleep 2
done

# database name : schema folder under $SCHEMA_ROOT
for entry in "${DBNAME:-temporal}:temporal" "${VISIBILITY_DBNAME:-temporal_visibility}:visibility"; do
  db="${entry%%:*}"
  dir="$SCHEMA_ROOT/${entry#*:}/versioned"
  echo "temporal-schema: database $db (schema $dir)"
  temporal-sql-tool --db "$db" create-database
  temporal-sql-tool --db "$db" setup-schema -v 0.0
  temporal-sql-tool --db "$db" update-schema -d "$dir"
done

echo "temporal-schema: done"
