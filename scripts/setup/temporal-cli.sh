#!/usr/bin/env bash
# The Temporal CLI built from the Go module proxy: `temporal server start-dev` is a real server
# (SQLite persistence) with Temporal UI. v1.5.1 is the newest tag whose go.mod has no replace directives.
set -euo pipefail
source scripts/lib/tools.sh
step "Temporal CLI $TEMPORAL_CLI_VERSION"
if [ -x "$CASEFLOW_TEMPORAL_CLI" ] && "$CASEFLOW_TEMPORAL_CLI" --version >/dev/null 2>&1; then
  echo "$("$CASEFLOW_TEMPORAL_CLI" --version) at $CASEFLOW_TEMPORAL_CLI: skipped"
  exit 0
fi
have go || { echo "Go is required to build the Temporal CLI (apt-get install golang)" >&2; exit 1; }
bin_dir=$(dirname "$CASEFLOW_TEMPORAL_CLI")
mkdir -p "$bin_dir"
echo "building with go install (cold build takes minutes)..."
t0=$(date +%s)
CGO_ENABLED=0 GOBIN="$bin_dir" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
"$CASEFLOW_TEMPORAL_CLI" --version
echo "built in $(( $(date +%s) - t0 ))s"
