#!/usr/bin/env bash
set -euo pipefail
source scripts/lib/tools.sh
step "npm packages"
stamp=node_modules/.caseflow-lock-hash
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "node_modules matches package-lock.json: skipped"
else
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
