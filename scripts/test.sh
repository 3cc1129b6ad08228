#!/usr/bin/env bash
# The whole test suite on real servers, set-up included. `.ci/run` calls exactly this (npm test).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
bash scripts/setup.sh
source scripts/lib/tools.sh
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

step "format (Prettier)"
npx prettier --check . --log-level warn
step "lint (ESLint: layering, workflow sandbox)"
npx eslint .
step "typecheck"
npx tsc -p tsconfig.json --noEmit
step "production build and workflow bundle"
npm run --silent build
node scripts/bundle-workflows.js

run_jest() {
  local project=$1; shift
  step "jest: $project"
  npx jest --selectProjects "$project" --json --outputFile="$results/$project.json" "$@"
}
run_jest unit
run_jest workflow --runInBand
run_jest int --runInBand
run_jest e2e --runInBand

step "summary"
node -e '
  const fs = require("fs"); let passed = 0, failed = 0;
  for (const f of fs.readdirSync(process.argv[1])) { const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8")); passed += r.numPassedTests; failed += r.numFailedTests; }
  console.log(`jest: ${passed} passed, ${failed} failed`);
' "$results"
echo "suite took $(( $(date +%s) - started ))s"
