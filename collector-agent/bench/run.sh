#!/usr/bin/env bash
# Benchmarks the published NativeAOT agent side by side with collectd and node_exporter, in one window:
#   collector-agent/bench/run.sh [MINUTES]      (default 5; fractions allowed, such as 2.5)
# The agent samples at the 5 s default (BENCH_INTERVAL to change it) with the top-N scan and every optional collector
# on: a textfile directory of 40 series, temperatures, systemd (off by itself where there is no system bus) and two
# service checks. It posts to a loopback recorder (recorder.py) that accepts every batch and asks for the 60 s interval
# the server gives a host no one watches. collectd (cpu, memory, swap, load, df, disk, interface, processes, to CSV)
# and node_exporter (its default collectors, scraped every 5 s) run at the same cadence; both are installed from
# Debian when missing and the script runs as root, and left out otherwise (BENCH_PEERS=0 leaves them out).
# BENCH_BASELINE=/path/to/infra-agent adds an earlier agent build to the same window, with the flags it knows.
# With BENCH_ENDPOINT and BENCH_KEY set, the agent posts to that server instead (for example LocalHost on Azurite, as
# ./run.sh starts it, with an agent key for host id BENCH_HOST_ID, default "bench").
set -euo pipefail
cd "$(dirname "$0")"
minutes="${1:-5}"
interval="${BENCH_INTERVAL:-5}"
seconds=$(python3 -c "print(int(float('$minutes') * 60))")
out=.out
mkdir -p "$out"
rm -rf "$out/spool" "$out/spool-baseline" "$out/posts" "$out/textfile" "$out/collectd"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

echo "Publishing the agent (NativeAOT)..."
dotnet publish ../InfraFunctions.Agent -r linux-x64 -p:PublishAot=true -o "$out/agent" -v quiet -nologo > "$out/publish.log"
cc -O2 -o "$out/raw-read" raw-read.c

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 recorder.py "$port" "$out/posts" &
pids+=($!)
if [ -n "${BENCH_ENDPOINT:-}" ]; then
  endpoint=$BENCH_ENDPOINT key=${BENCH_KEY:?set BENCH_KEY with BENCH_ENDPOINT}
else
  endpoint="http://127.0.0.1:$port" key=bench
fi

mkdir -p "$out/textfile"
python3 - "$out/textfile/bench.prom" <<'PY'
import sys
lines = ["# HELP app_queue_depth Jobs waiting, by queue.", "# TYPE app_queue_depth gauge"]
lines += [f'app_queue_depth{{queue="q{i}",tier="{i % 3}"}} {i * 7}' for i in range(30)]
lines += ["# TYPE app_requests_total counter"] + [f'app_requests_total{{code="{c}"}} {c * 1000}' for c in (200, 201, 204, 301, 302, 400, 404, 409, 500, 503)]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY

INFRA_AGENT_KEY=$key "$out/agent/infra-agent" --endpoint "$endpoint" --host-id "${BENCH_HOST_ID:-bench}" \
  --sample-interval "$interval" --top 10 --spool-dir "$out/spool" --textfile-dir "$out/textfile" --temperatures true \
  --check "tcp://127.0.0.1:$port" --check "http://127.0.0.1:$port/healthz" > "$out/agent.log" 2>&1 &
agent=$!
pids+=("$agent")
measured=("infra-agent=$agent")

if [ -n "${BENCH_BASELINE:-}" ]; then
  INFRA_AGENT_KEY=$key "$BENCH_BASELINE" --endpoint "$endpoint" --host-id "${BENCH_HOST_ID:-bench}-baseline" \
    --sample-interval "$interval" --top 10 --spool-dir "$out/spool-baseline" > "$out/baseline.log" 2>&1 &
  pids+=($!)
  measured+=("infra-agent (baseline)=$!")
fi

if [ "${BENCH_PEERS:-1}" = 1 ]; then
  if ! command -v collectd > /dev/null || ! command -v prometheus-node-exporter > /dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
      echo "Installing collectd and node_exporter (Debian)..."
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends collectd-core prometheus-node-exporter > "$out/apt.log" 2>&1 \
        || echo "  could not install them (see $out/apt.log); measuring the agent alone"
    fi
  fi
  if [ -x /usr/sbin/collectd ]; then
    mkdir -p "$out/collectd"
    cat > "$out/collectd.conf" <<CONF
Interval $interval
BaseDir "$PWD/$out/collectd"
PIDFile "$PWD/$out/collectd/collectd.pid"
PluginDir "/usr/lib/collectd"
LoadPlugin cpu
LoadPlugin memory
LoadPlugin swap
LoadPlugin load
LoadPlugin df
LoadPlugin disk
LoadPlugin interface
LoadPlugin processes
LoadPlugin csv
<Plugin csv>
  DataDir "$PWD/$out/collectd/csv"
</Plugin>
CONF
    /usr/sbin/collectd -f -C "$out/collectd.conf" > "$out/collectd.log" 2>&1 &
    pids+=($!)
    measured+=("collectd=$!")
  fi
  if command -v prometheus-node-exporter > /dev/null; then
    exporter_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    prometheus-node-exporter --web.listen-address="127.0.0.1:$exporter_port" > "$out/node_exporter.log" 2>&1 &
    exporter=$!
    pids+=("$exporter")
    measured+=("node_exporter=$exporter")
    (while kill -0 "$exporter" 2>/dev/null; do curl -fsS -o /dev/null "http://127.0.0.1:$exporter_port/metrics" || true; sleep "$interval"; done) &
    pids+=($!)
  fi
fi

echo "Running for $seconds s (after 15 s of warm-up) at a ${interval} s sample interval..."
python3 measure.py "$seconds" 15 "${measured[@]}" | tee "$out/result.txt"

floor_ms=$("$out/raw-read" 300 10)
floor_status_ms=$("$out/raw-read" 300 10 status)
python3 - "$out/result.txt" "$interval" "$floor_ms" "$floor_status_ms" "$out/posts" <<'PY'
import sys
result, interval, floor, floor_status, posts_file = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
row = next(l for l in open(result) if l.startswith("infra-agent "))
cpu_percent = float(row.split()[1].rstrip("%"))
per_sample = cpu_percent / 100 * interval * 1000
try:
    posts, delivered = open(posts_file).read().split()
except (FileNotFoundError, ValueError):
    posts, delivered = "n/a", "n/a"
print(f"agent posts so far:               {posts} ({delivered} samples delivered)")
print(f"agent CPU per sample:             {per_sample:.2f} ms (all work: sampling, spooling, posting, checks)")
print(f"raw-read floor (stat per pid):    {floor:.2f} ms per sample")
print(f"raw-read floor (stat+status):     {floor_status:.2f} ms per sample")
print(f"ratio to the floor:               {per_sample / floor:.2f}x (stat floor), {per_sample / floor_status:.2f}x (stat+status floor)")
PY
