#!/usr/bin/env bash
# Runs the whole test suite against a real Azurite (Table Storage) that this script starts and stops.
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '\n== %s\n' "$*"; }

if [ ! -x tests/node_modules/.bin/azurite-table ]; then
  log "Installing Azurite (tests/package.json)"
  npm ci --prefix tests --no-audit --no-fund
fi

if [ -f static-web/package.json ]; then
  log "Building and unit-testing the dashboard (static-web)"
  [ -d static-web/node_modules ] || npm ci --prefix static-web --no-audit --no-fund
  npm run --prefix static-web build
  npm run --prefix static-web test
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
TABLE_PORT=$(free_port)
AZURITE_DIR=$(mktemp -d)
log "Starting Azurite on 127.0.0.1:$TABLE_PORT"
tests/node_modules/.bin/azurite-table --tableHost 127.0.0.1 --tablePort "$TABLE_PORT" --inMemoryPersistence \
  >"$AZURITE_DIR/azurite.log" 2>&1 &
AZURITE_PID=$!
cleanup() { kill "$AZURITE_PID" 2>/dev/null || true; wait "$AZURITE_PID" 2>/dev/null || true; rm -rf "$AZURITE_DIR"; }
trap cleanup EXIT
listening=false
for _ in $(seq 1 300); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$TABLE_PORT") 2>/dev/null; then listening=true; break; fi
  kill -0 "$AZURITE_PID" 2>/dev/null || break
  sleep 0.1
done
if [ "$listening" != true ]; then
  echo "Azurite did not start on 127.0.0.1:$TABLE_PORT:" >&2
  cat "$AZURITE_DIR/azurite.log" >&2
  exit 1
fi
export INFRA_TEST_TABLES="http://127.0.0.1:$TABLE_PORT"

log "Building"
dotnet build InfraFunctions.sln -c Debug -nologo -v q

log "Testing"
set +e
# Performance harnesses are benchmarks, run by their own commands (README, Benchmarks), not timed tests.
dotnet test InfraFunctions.sln -c Debug --no-build -nologo --filter "Category!=Performance" 2>&1 | tee "$AZURITE_DIR/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole suite, summed over the test assemblies.
grep -E '^(Passed|Failed)!' "$AZURITE_DIR/test.log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {printf "\ntests: %d passed, %d failed, %d skipped\n", p, f, s}'
exit "$status"
