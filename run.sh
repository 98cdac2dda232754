#!/usr/bin/env bash
# Runs InfraFunctions locally: Azurite (Table Storage), LocalHost (the function app, timers, the SignalR
# stand-in and the dashboard) and an agent for this machine. Prints the dashboard URL. Ctrl-C stops everything.
#
# Environment (all optional):
#   INFRA_PORT (7071), INFRA_TABLE_PORT (10002)   LocalHost's and Azurite's ports
#   INFRA_LOCAL_DIR (.local)                      data, secrets and logs of this run
#   INFRA_CONFIGURATION (Release)                 the build configuration to run
#   INFRA_SKIP_BUILD=1                            run what is already built: no npm, no dotnet build or publish
#   INFRA_AGENT_ARCH (this machine's)             the agent binaries to publish for /agent/: x64, arm64 or all
#   Retention__RawDays (1), Retention__HourlyDays (30), Retention__DailyDays (365), RETENTION_SCHEDULE (hourly)
#                                                 local retention, sized for a laptop; any other app setting too
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

# Besides the .NET SDK and Node: curl and python3 for run.sh's own calls, setpriv (util-linux) for LocalHost.
missing=()
for tool in curl:curl python3:python3 setpriv:util-linux; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "run.sh needs ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
PORT=${INFRA_PORT:-7071}
TABLE_PORT=${INFRA_TABLE_PORT:-10002}
CONFIGURATION=${INFRA_CONFIGURATION:-Release}
mkdir -p "${INFRA_LOCAL_DIR:-$ROOT/.local}"
LOCAL=$(cd "${INFRA_LOCAL_DIR:-$ROOT/.local}" && pwd)
SECRETS="$LOCAL/secrets.env"
BASE="http://localhost:$PORT"
LOCALHOST_DIR="functions/InfraFunctions.LocalHost/bin/$CONFIGURATION/net10.0"
AGENT="collector-agent/InfraFunctions.Agent/bin/$CONFIGURATION/net10.0/infra-agent"
# The agent as hosts download it (collector-agent/publish.sh), served by LocalHost at /agent/.
AGENT_DOWNLOADS="$LOCAL/agent"
case "$(uname -m)" in aarch64|arm64) NATIVE_ARCH=arm64 ;; *) NATIVE_ARCH=x64 ;; esac
PUBLISHED_AGENT="$AGENT_DOWNLOADS/infra-agent-linux-$NATIVE_ARCH"

# Azurite keeps every table in one JSON file that it rewrites and loads whole at start; a week of raw samples at
# 5 s would make it over 500 MB. One day of raw samples (hourly and daily rollups keep the history), dropped by an
# hourly retention run, keeps it between about 80 and 160 MB for one host (measured with the localdb benchmark, see README).
export Retention__RawDays=${Retention__RawDays:-1}
export Retention__HourlyDays=${Retention__HourlyDays:-30}
export Retention__DailyDays=${Retention__DailyDays:-365}
export RETENTION_SCHEDULE=${RETENTION_SCHEDULE:-0 40 * * * *}

log() { printf '== %s\n' "$*"; }
mkdir -p "$LOCAL/azurite" "$LOCAL/spool" "$LOCAL/logs"
chmod 700 "$LOCAL"

if [ "${INFRA_SKIP_BUILD:-}" = 1 ]; then
  for built in tests/node_modules/.bin/azurite-table "$LOCALHOST_DIR/InfraFunctions.LocalHost.dll"; do
    [ -e "$built" ] || { echo "run.sh: INFRA_SKIP_BUILD=1 but $built is missing; run without it once" >&2; exit 1; }
  done
  [ -e "$PUBLISHED_AGENT" ] || [ -e "$AGENT" ] || { echo "run.sh: INFRA_SKIP_BUILD=1 but neither $PUBLISHED_AGENT nor $AGENT is there; run without it once" >&2; exit 1; }
  # install.sh and SHA256SUMS again, for this run's address; the binaries stay as they are.
  collector-agent/publish.sh --out "$AGENT_DOWNLOADS" --download-base "$BASE" --no-build >"$LOCAL/logs/agent-publish.log" 2>&1 \
    || { cat "$LOCAL/logs/agent-publish.log"; exit 1; }
else
  log "Installing and building"
  [ -x tests/node_modules/.bin/azurite-table ] || npm ci --prefix tests --no-audit --no-fund
  if [ -f static-web/package.json ]; then
    [ -d static-web/node_modules ] || npm ci --prefix static-web --no-audit --no-fund
    npm run --prefix static-web build >"$LOCAL/logs/dashboard-build.log" 2>&1 || { cat "$LOCAL/logs/dashboard-build.log"; exit 1; }
  fi
  dotnet build functions/InfraFunctions.LocalHost -c "$CONFIGURATION" -nologo -v q
  dotnet build collector-agent/InfraFunctions.Agent -c "$CONFIGURATION" -nologo -v q
  # NativeAOT takes minutes: publish again only when the agent's sources are newer than the published binary.
  publish=(--arch "${INFRA_AGENT_ARCH:-$NATIVE_ARCH}")
  if [ -e "$PUBLISHED_AGENT" ] && [ -z "$(find collector-agent/InfraFunctions.Agent functions/InfraFunctions.Contracts Directory.Build.props Directory.Packages.props \
      -newer "$PUBLISHED_AGENT" -not -path '*/bin/*' -not -path '*/obj/*' -type f -print -quit)" ] && [ -z "${INFRA_AGENT_ARCH:-}" ]; then
    publish=(--no-build)
  else
    log "Publishing the agent for download (NativeAOT, a few minutes)"
  fi
  collector-agent/publish.sh --out "$AGENT_DOWNLOADS" --download-base "$BASE" "${publish[@]}" >"$LOCAL/logs/agent-publish.log" 2>&1 \
    || { cat "$LOCAL/logs/agent-publish.log"; exit 1; }
fi
# This machine's agent is the published one, as on any other host; the build output when only that is there.
AGENT_RUN="$PUBLISHED_AGENT"
[ -e "$AGENT_RUN" ] || AGENT_RUN="$AGENT"

# Local secrets, generated once, kept out of git with mode 600; `source .local/secrets.env` to use them.
# No secret is ever an argument of a command: every local user can read command lines (/proc/PID/cmdline).
# Children get them in their environment (readable by this user only), curl reads its headers from stdin.
touch "$SECRETS"
chmod 600 "$SECRETS"
secret() { grep -E "^$1=" "$SECRETS" | tail -n 1 | cut -d= -f2- || true; }
set_secret() {
  (umask 077; grep -vE "^$1=" "$SECRETS" >"$SECRETS.tmp" || true; printf '%s=%s\n' "$1" "$2" >>"$SECRETS.tmp")
  mv "$SECRETS.tmp" "$SECRETS"
  chmod 600 "$SECRETS"
}
random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40; }
[ -n "$(secret INFRA_MASTER_KEY)" ] || set_secret INFRA_MASTER_KEY "$(random)"
[ -n "$(secret INFRA_SIGNALR_ACCESS_KEY)" ] || set_secret INFRA_SIGNALR_ACCESS_KEY "$(random)"
set_secret INFRA_SIGNALR_CONNECTION_STRING "Endpoint=http://localhost;Port=$PORT;AccessKey=$(secret INFRA_SIGNALR_ACCESS_KEY);Version=1.0;"
MASTER_KEY=$(secret INFRA_MASTER_KEY)

# The children, by name: their pids, and how to start each one.
declare -A pids=()
names=(azurite localhost agent)
declare -A labels=([azurite]=Azurite [localhost]=LocalHost [agent]="the agent")
stopping=0

alive() { [ -n "${pids[$1]:-}" ] && kill -0 "${pids[$1]}" 2>/dev/null; }

cleanup() {
  local code=$?
  trap - INT TERM EXIT
  stopping=1
  log "Stopping"
  # The agent and LocalHost first (LocalHost stops its worker), Azurite last so their last writes land.
  local group
  for group in "agent localhost" azurite; do
    local name
    for name in $group; do alive "$name" && kill -TERM "${pids[$name]}" 2>/dev/null || true; done
    for _ in $(seq 1 70); do
      local running=0
      for name in $group; do alive "$name" && running=1; done
      [ "$running" = 0 ] && break
      sleep 0.1
    done
    for name in $group; do
      if alive "$name"; then
        echo "run.sh: ${labels[$name]} (pid ${pids[$name]}) did not stop on SIGTERM; killing it" >&2
        kill -KILL "${pids[$name]}" 2>/dev/null || true
      fi
    done
  done
  wait 2>/dev/null || true
  exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_azurite() {
  tests/node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" --location "$LOCAL/azurite" \
    --skipApiVersionCheck >>"$LOCAL/logs/azurite.log" 2>&1 &
  pids[azurite]=$!
}

start_localhost() {
  (
    cd "$LOCALHOST_DIR"
    export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:$TABLE_PORT/devstoreaccount1;"
    export LocalHost__MasterKey="$MASTER_KEY" LocalHost__Urls="$BASE" LocalHost__StaticRoot="$ROOT/static-web/dist" \
      LocalHost__AgentRoot="$AGENT_DOWNLOADS"
    AzureSignalRConnectionString="$(secret INFRA_SIGNALR_CONNECTION_STRING)"
    export AzureSignalRConnectionString
    exec dotnet InfraFunctions.LocalHost.dll
  ) >>"$LOCAL/logs/localhost.log" 2>&1 &
  pids[localhost]=$!
}

start_agent() {
  INFRA_AGENT_KEY="$AGENT_KEY" "$AGENT_RUN" --endpoint "$BASE" --host-id "$HOST_ID" --spool-dir "$LOCAL/spool" \
    >>"$LOCAL/logs/agent.log" 2>&1 &
  pids[agent]=$!
}

# REASON: why a child is gone, from its exit status (this reaps it, so it must run in this shell).
exit_reason() {
  local status=0
  wait "${pids[$1]}" 2>/dev/null || status=$?
  if [ "$status" -gt 128 ] && [ "$status" -lt 160 ]; then
    REASON="was killed by SIG$(kill -l $((status - 128)))"
  else
    REASON="exited with status $status"
  fi
}

# A child that is gone: Azurite is started again (up to 5 times in a row without a minute of running), anything
# else stops the whole run, so nothing is left half-running.
declare -A restarts=() last_start=()
check_children() {
  local name
  for name in "${names[@]}"; do
    [ -n "${pids[$name]:-}" ] || continue
    alive "$name" && continue
    local log_file="$LOCAL/logs/$name.log"
    exit_reason "$name"
    echo "run.sh: ${labels[$name]} (pid ${pids[$name]}) $REASON. Last lines of $log_file:" >&2
    tail -n 15 "$log_file" | sed 's/^/    /' >&2
    if [ "$name" = azurite ]; then
      if [ $(( SECONDS - ${last_start[azurite]:-0} )) -ge 60 ]; then restarts[azurite]=0; fi
      restarts[azurite]=$(( ${restarts[azurite]:-0} + 1 ))
      if [ "${restarts[azurite]}" -le 5 ]; then
        log "Restarting Azurite (restart ${restarts[azurite]} of 5 in a row); LocalHost and the agent retry meanwhile"
        last_start[azurite]=$SECONDS
        start_azurite
        continue
      fi
      echo "run.sh: Azurite keeps stopping; stopping everything" >&2
    else
      echo "run.sh: stopping everything, since ${labels[$name]} is gone" >&2
    fi
    unset "pids[$name]"
    exit 1
  done
}

# curl without secrets in its arguments: the header comes on stdin.
curl_with() { local header=$1; shift; printf '%s\n' "$header" | curl -H @- "$@"; }

# These two run in this shell, not in $(...), so that a child found gone meanwhile is handled here; they set
# STATUS and VALUE.
#
# The HTTP status of a request, retried while LocalHost or storage answers 503 (Azurite loading a large
# database, say) or nothing answers, honouring Retry-After. $1: a header, the rest: curl arguments.
status_of() {
  local header=$1; shift
  for _ in $(seq 1 60); do
    STATUS=$(curl_with "$header" -s -o /dev/null -D "$LOCAL/logs/last-headers" -w '%{http_code}' "$@") || STATUS=000
    [ "$STATUS" = 503 ] || [ "$STATUS" = 000 ] || return 0
    check_children
    retry_wait
  done
}

retry_wait() {
  local retry
  retry=$(grep -i '^retry-after:' "$LOCAL/logs/last-headers" 2>/dev/null | tr -dc '0-9' || true)
  sleep "$(( ${retry:-1} > 10 ? 10 : ${retry:-1} ))"
}

# POST /api/v1/admin/$1 with the JSON body $2 and the master key; VALUE is the reply's field $3. A 503 is
# retried with its Retry-After; any other failure prints the server's problem detail and stops.
admin() {
  local reply code body
  for _ in $(seq 1 60); do
    reply=$(curl_with "x-functions-key: $MASTER_KEY" -s -X POST "$BASE/api/v1/admin/$1" -H 'Content-Type: application/json' \
      -d "$2" -D "$LOCAL/logs/last-headers" -w '\n%{http_code}') || reply=$'\n000'
    code=${reply##*$'\n'}
    body=${reply%$'\n'*}
    case "$code" in
      2??) VALUE=$(printf '%s' "$body" | python3 -c "import json,sys; print(json.load(sys.stdin)['$3'])"); return 0 ;;
      503|000) check_children; retry_wait ;;
      *)
        echo "run.sh: POST /api/v1/admin/$1 answered $code:" >&2
        printf '%s' "$body" | python3 -c "import json,sys
try:
    p = json.load(sys.stdin); print('   ', p.get('title', ''), '-', p.get('detail', ''), p.get('errors', ''))
except ValueError:
    print('    (not JSON)')" >&2
        exit 1 ;;
    esac
  done
  echo "run.sh: POST /api/v1/admin/$1 still answered $code after a minute of retries; see $LOCAL/logs/" >&2
  exit 1
}

log "Starting Azurite on 127.0.0.1:$TABLE_PORT (data in $LOCAL/azurite)"
last_start[azurite]=$SECONDS
start_azurite

log "Starting LocalHost on $BASE"
start_localhost

# Ready when the worker has loaded every function: until then LocalHost answers 503.
ready=0
for _ in $(seq 1 450); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/observability/hosts")" = 401 ] && { ready=1; break; }
  check_children
  sleep 0.2
done
[ "$ready" = 1 ] || { echo "run.sh: LocalHost was not ready within 90 s; see $LOCAL/logs/localhost.log" >&2; exit 1; }

# Tokens and keys live in Azurite: issue new ones when the stored ones no longer work (for example after
# the data directory was deleted).
TOKEN=$(secret INFRA_READER_TOKEN)
STATUS=none
[ -z "$TOKEN" ] || status_of "Authorization: Bearer $TOKEN" "$BASE/api/v1/observability/hosts"
if [ "$STATUS" != 200 ]; then
  admin tokens '{"role":"reader","name":"local dashboard"}' token
  TOKEN=$VALUE
  set_secret INFRA_READER_TOKEN "$TOKEN"
fi

HOST_ID=$(hostname)
AGENT_KEY=$(secret INFRA_AGENT_KEY)
STATUS=401
[ -z "$AGENT_KEY" ] || [ "$(secret INFRA_AGENT_HOST)" != "$HOST_ID" ] || \
  status_of "Authorization: Bearer $AGENT_KEY" -X POST -H 'Content-Type: application/json' -d '{}' "$BASE/api/v1/ingest/samples"
if [ "$STATUS" = 401 ]; then
  admin agents "{\"host_ids\":[\"$HOST_ID\"],\"name\":\"local agent\"}" key
  AGENT_KEY=$VALUE
  set_secret INFRA_AGENT_KEY "$AGENT_KEY"
  set_secret INFRA_AGENT_HOST "$HOST_ID"
fi

# Data from an earlier run past the local retention is dropped now rather than at the next hourly run.
status_of "x-functions-key: $MASTER_KEY" -X POST -H 'Content-Type: application/json' -d '{}' "$BASE/admin/functions/RetentionCleanup"
[ "$STATUS" = 202 ] || echo "run.sh: the start-up retention run answered $STATUS; the hourly run will try again" >&2

log "Starting the agent for $HOST_ID"
start_agent

cat <<MSG

InfraFunctions is running (development host; in Azure the same functions run on the Functions runtime).

  Dashboard:  $BASE/#token=$TOKEN
  API:        $BASE/api/v1/observability/hosts   (source $SECRETS; curl -H "Authorization: Bearer \$INFRA_READER_TOKEN" ...)
  Secrets:    $SECRETS    Logs: $LOCAL/logs/
  Add a host: curl -fsSL $BASE/agent/install.sh | sudo bash -s -- --endpoint $BASE --key <agent key>
              (the dashboard's Add host issues the key; LocalHost answers on $BASE only)

Press Ctrl-C to stop.
MSG

# A foreground sleep, so Ctrl-C (which reaches it too) or SIGTERM runs the cleanup within a second.
while :; do
  check_children
  sleep 1
done
