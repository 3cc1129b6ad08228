#!/bin/sh
# Runs once per `docker compose up`, after the Temporal server is healthy and before the
# Caseflow apps start (they wait for this container to exit 0). Idempotent:
#   1. waits for `temporal operator cluster health`;
#   2. creates the namespace when `namespace describe` does not find it;
#   3. registers Caseflow's custom search attributes. Re-registering an attribute with the
#      same type is a no-op (the CLI only refuses a *different* type, the server skips
#      aliases already present), so every start may run it;
#   4. waits until a visibility query that uses the attributes is accepted, so the worker's
#      first upsert cannot race the namespace cache.
set -eu

ADDRESS="${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS is required (host:port)}"
NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
MAX_ATTEMPTS="${INIT_MAX_ATTEMPTS:-60}"
SLEEP_SECONDS="${INIT_SLEEP_SECONDS:-2}"

# name:type pairs; keep in step with `searchAttributes` in libs/contract/src/definitions.ts.
SEARCH_ATTRIBUTES="
CaseflowCustomer:Keyword
CaseflowSeverity:Keyword
CaseflowPriority:Keyword
CaseflowPhase:Keyword
CaseflowAssignee:Keyword
CaseflowTier:Keyword
CaseflowSlaStatus:Keyword
CaseflowNextDeadline:Datetime
"

# retry <what> <command...>: run the command until it succeeds or attempts run out.
retry() {
  what="$1"
  shift
  attempt=1
  until "$@"; do
    if [ "$attempt" -ge "$MAX_ATTEMPTS" ]; then
      echo "temporal-init: giving up on: $what" >&2
      return 1
    fi
    echo "temporal-init: not yet: $what ($attempt/$MAX_ATTEMPTS)"
    attempt=$((attempt + 1))
    sleep "$SLEEP_SECONDS"
  done
}

ensure_namespace() {
  if temporal operator namespace describe --address "$ADDRESS" --namespace "$NAMESPACE" >/dev/null 2>&1; then
    echo "temporal-init: namespace $NAMESPACE exists"
    return 0
  fi
  temporal operator namespace create --address "$ADDRESS" --namespace "$NAMESPACE"
}

register_search_attributes() {
  set --
  for pair in $SEARCH_ATTRIBUTES; do
    set -- "$@" --name "${pair%%:*}" --type "${pair#*:}"
  done
  temporal operator search-attribute create --address "$ADDRESS" --namespace "$NAMESPACE" "$@"
}

probe_query() {
  temporal workflow list --address "$ADDRESS" --namespace "$NAMESPACE" --limit 1 \
    --query "CaseflowCustomer = 'temporal-init-probe' AND CaseflowNextDeadline > '2000-01-01T00:00:00Z'" >/dev/null
}

retry "cluster health at $ADDRESS" temporal operator cluster health --address "$ADDRESS"
retry "namespace $NAMESPACE" ensure_namespace
retry "search attributes in $NAMESPACE" register_search_attributes
retry "queries on Caseflow search attributes" probe_query

temporal operator search-attribute list --address "$ADDRESS" --namespace "$NAMESPACE"
echo "temporal-init: namespace $NAMESPACE ready with Caseflow search attributes"
