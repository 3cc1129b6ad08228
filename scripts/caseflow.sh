#!/usr/bin/env bash
# `npm run -s caseflow -- …`: the operator CLI (apps/caseflow-cli) from the production build, run
# from the repository root so that it finds the same data/ folder as `npm start`. On a fresh clone
# it builds first; the build's output goes to stderr, so stdout carries only what the command prints.
set -euo pipefail
cd "$(dirname "$0")/.."
main=dist/apps/caseflow-cli/src/main.js
if [[ ! -f $main ]]; then
  echo "caseflow: building (npm run build) ..." >&2
  npm run --silent build >&2
fi
exec node "$main" "$@"
