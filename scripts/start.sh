#!/usr/bin/env bash
# Runs Caseflow on embedded defaults: the Temporal dev server (SQLite under data/), search
# attributes, then gateway and worker in one process on the embedded store (PGlite under data/).
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/lib/tools.sh

export TEMPORAL_PORT="${TEMPORAL_PORT:-7233}" TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}" PORT="${PORT:-3000}"
export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT" NODE_ENV=production
mkdir -p data

step "build"
npm run --silent build
node scripts/bundle-workflows.js

pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "stopping..."
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null && wait "${pids[i]}" 2>/dev/null || true; done
}
trap stop INT TERM EXIT

step "Temporal dev server (history in data/temporal.db)"
# Payloads are encrypted (libs/codec); the UI decodes them through the gateway's codec server.
"$CASEFLOW_TEMPORAL_CLI" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
  --ui-codec-endpoint "http://localhost:$PORT/codec" \
  --db-filename data/temporal.db --log-level warn >data/temporal.log 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do (echo >"/dev/tcp/127.0.0.1/$TEMPORAL_PORT") 2>/dev/null && break; sleep 0.2; done
(echo >"/dev/tcp/127.0.0.1/$TEMPORAL_PORT") 2>/dev/null || { echo "Temporal did not start; see data/temporal.log" >&2; exit 1; }
node dist/scripts/register-search-attributes.js

step "gateway + worker (embedded store in data/pglite; codec keys in data/codec-keys unless CASEFLOW_CODEC_KEYS)"
node dist/apps/gateway/src/main.js &
pids+=($!)
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done
cat <<MSG

Caseflow is up.
  Gateway:     http://localhost:$PORT/v1/tickets
  OpenAPI:     http://localhost:$PORT/docs
  Temporal UI: http://localhost:$TEMPORAL_UI_PORT  (payloads encrypted; decoded for supervisors through
               http://localhost:$PORT/codec, sign in at http://localhost:$PORT/codec/session: see README)
  A token:     npm run -s caseflow -- token --role engineer --id eve   (see docs/access.md)
Press Ctrl-C to stop.
MSG
wait "${pids[@]}"
