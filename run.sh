#!/usr/bin/env bash
# Runs InfraFunctions locally: Azurite (Table Storage), LocalHost (the function app, timers, the SignalR
# stand-in and the dashboard) and an agent for this machine. Prints the dashboard URL. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
PORT=${INFRA_PORT:-7071}
TABLE_PORT=${INFRA_TABLE_PORT:-10002}
LOCAL="$ROOT/.local"
SECRETS="$LOCAL/secrets.env"
BASE="http://localhost:$PORT"

log() { printf '== %s\n' "$*"; }
mkdir -p "$LOCAL/azurite" "$LOCAL/spool" "$LOCAL/logs"
chmod 700 "$LOCAL"

log "Installing and building"
[ -x tests/node_modules/.bin/azurite-table ] || npm ci --prefix tests --no-audit --no-fund
if [ -f static-web/package.json ]; then
  [ -d static-web/node_modules ] || npm ci --prefix static-web --no-audit --no-fund
  npm run --prefix static-web build >"$LOCAL/logs/dashboard-build.log" 2>&1 || { cat "$LOCAL/logs/dashboard-build.log"; exit 1; }
fi
dotnet build functions/InfraFunctions.LocalHost -c Release -nologo -v q
dotnet build collector-agent/InfraFunctions.Agent -c Release -nologo -v q

# Local secrets, generated once, kept out of git with mode 600; `source .local/secrets.env` to use them.
touch "$SECRETS"
chmod 600 "$SECRETS"
secret() { grep -E "^$1=" "$SECRETS" | tail -n 1 | cut -d= -f2- || true; }
set_secret() {
  grep -vE "^$1=" "$SECRETS" >"$SECRETS.tmp" || true
  printf '%s=%s\n' "$1" "$2" >>"$SECRETS.tmp"
  mv "$SECRETS.tmp" "$SECRETS"
  chmod 600 "$SECRETS"
}
random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40; }
[ -n "$(secret INFRA_MASTER_KEY)" ] || set_secret INFRA_MASTER_KEY "$(random)"
[ -n "$(secret INFRA_SIGNALR_ACCESS_KEY)" ] || set_secret INFRA_SIGNALR_ACCESS_KEY "$(random)"
set_secret INFRA_SIGNALR_CONNECTION_STRING "Endpoint=http://localhost;Port=$PORT;AccessKey=$(secret INFRA_SIGNALR_ACCESS_KEY);Version=1.0;"
MASTER_KEY=$(secret INFRA_MASTER_KEY)

pids=()
cleanup() {
  trap - INT TERM EXIT
  log "Stopping"
  for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

log "Starting Azurite on 127.0.0.1:$TABLE_PORT (data in .local/azurite)"
tests/node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" --location "$LOCAL/azurite" \
  >"$LOCAL/logs/azurite.log" 2>&1 &
pids+=($!)

log "Starting LocalHost on $BASE"
(
  cd functions/InfraFunctions.LocalHost/bin/Release/net10.0
  AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;" \
  LocalHost__MasterKey="$MASTER_KEY" LocalHost__Urls="$BASE" LocalHost__StaticRoot="$ROOT/static-web/dist" \
  AzureSignalRConnectionString="$(grep -E '^INFRA_SIGNALR_CONNECTION_STRING=' "$SECRETS" | cut -d= -f2-)" \
  exec dotnet InfraFunctions.LocalHost.dll
) >"$LOCAL/logs/localhost.log" 2>&1 &
pids+=($!)

# Ready when the worker has loaded every function: until then LocalHost answers 503.
for _ in $(seq 1 450); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/observability/hosts")" = 401 ] && break
  kill -0 "${pids[1]}" 2>/dev/null || { echo "LocalHost stopped:" >&2; cat "$LOCAL/logs/localhost.log" >&2; exit 1; }
  sleep 0.2
done

admin() { curl -sf -X POST "$BASE/api/v1/admin/$1" -H "x-functions-key: $MASTER_KEY" -H 'Content-Type: application/json' -d "$2"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

# Tokens and keys live in Azurite: issue new ones when the stored ones no longer work (for example after
# .local/azurite was deleted).
TOKEN=$(secret INFRA_READER_TOKEN)
if [ -z "$TOKEN" ] || [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/observability/hosts")" != 200 ]; then
  TOKEN=$(admin tokens '{"role":"reader","name":"local dashboard"}' | json token)
  set_secret INFRA_READER_TOKEN "$TOKEN"
fi

HOST_ID=$(hostname)
AGENT_KEY=$(secret INFRA_AGENT_KEY)
if [ -z "$AGENT_KEY" ] || [ "$(secret INFRA_AGENT_HOST)" != "$HOST_ID" ] || \
   [ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $AGENT_KEY" -H 'Content-Type: application/json' -d '{}' "$BASE/api/v1/ingest/samples")" = 401 ]; then
  AGENT_KEY=$(admin agents "{\"host_ids\":[\"$HOST_ID\"],\"name\":\"local agent\"}" | json key)
  set_secret INFRA_AGENT_KEY "$AGENT_KEY"
  set_secret INFRA_AGENT_HOST "$HOST_ID"
fi

log "Starting the agent for $HOST_ID"
collector-agent/InfraFunctions.Agent/bin/Release/net10.0/infra-agent --endpoint "$BASE" --key "$AGENT_KEY" \
  --host-id "$HOST_ID" --spool-dir "$LOCAL/spool" >"$LOCAL/logs/agent.log" 2>&1 &
pids+=($!)

cat <<MSG

InfraFunctions is running (development host; in Azure the same functions run on the Functions runtime).

  Dashboard:  $BASE/#token=$TOKEN
  API:        $BASE/api/v1/observability/hosts   (source .local/secrets.env; curl -H "Authorization: Bearer \$INFRA_READER_TOKEN" ...)
  Secrets:    .local/secrets.env    Logs: .local/logs/

Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}" || true
