#!/usr/bin/env bash
# Idempotent: installs what Caseflow needs to run and test, skipping what is already there.
#   npm packages, the Temporal CLI (dev server + UI), Temporal's Java test server (time skipping),
#   a PostgreSQL server with the project's database,
#   schemathesis (PyPI) for the OpenAPI contract tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/tools.sh
started=$(date +%s)

bash scripts/setup/npm.sh
bash scripts/setup/temporal-cli.sh
bash scripts/setup/temporal-test-server.sh
bash scripts/setup/postgres.sh
bash scripts/setup/schemathesis.sh

echo
echo "setup done in $(( $(date +%s) - started ))s"
