#!/usr/bin/env bash
# schemathesis (PyPI, pinned) in its own virtualenv in the cache, keyed by version: the OpenAPI
# contract tests run it against the live gateway.
set -euo pipefail
source scripts/lib/tools.sh
step "schemathesis $SCHEMATHESIS_VERSION"
if [ -x "$CASEFLOW_SCHEMATHESIS" ] && "$CASEFLOW_SCHEMATHESIS" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  echo "at $CASEFLOW_SCHEMATHESIS: skipped"
  exit 0
fi
have python3 || { echo "python3 is required" >&2; exit 1; }
venv=$(dirname "$(dirname "$CASEFLOW_SCHEMATHESIS")")
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
"$CASEFLOW_SCHEMATHESIS" --version
