# Shared locations of the tools the setup installs. Sourced by setup.sh, start.sh and test.sh.
# Heavy tools live in the user's cache, keyed by version, so fresh clones reuse them.
CASEFLOW_CACHE="${CASEFLOW_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/caseflow}"
TEMPORAL_CLI_VERSION="v1.5.1"
TEMPORAL_TEST_SERVER_VERSION="1.31.0"
SCHEMATHESIS_VERSION="4.32.5"
export CASEFLOW_TEMPORAL_CLI="${CASEFLOW_TEMPORAL_CLI:-$CASEFLOW_CACHE/temporal-cli-$TEMPORAL_CLI_VERSION/temporal}"
export CASEFLOW_TEST_SERVER="${CASEFLOW_TEST_SERVER:-$CASEFLOW_CACHE/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION/temporal-test-server}"
export CASEFLOW_SCHEMATHESIS="${CASEFLOW_SCHEMATHESIS:-$CASEFLOW_CACHE/schemathesis-$SCHEMATHESIS_VERSION/bin/schemathesis}"
export CASEFLOW_PG_URL="${CASEFLOW_PG_URL:-postgres://caseflow:caseflow@127.0.0.1:5432/caseflow}"

step() { printf '\n== %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
