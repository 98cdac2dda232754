#!/usr/bin/env bash
# Benchmarks the published NativeAOT agent: RSS, CPU per sample, and the ratio to a raw read of the same files.
#   collector-agent/bench/run.sh [MINUTES]      (default 5; fractions allowed, such as 2.5)
# The agent samples every second with the top-N scan on and posts to a loopback recorder (recorder.py) that
# accepts every batch and asks for the normal 30 s post interval, so the figures include spooling and posting.
# With BENCH_ENDPOINT and BENCH_KEY set, it posts to that server instead (for example LocalHost on Azurite, as
# ./run.sh starts it, with an agent key from POST /api/v1/admin/agents for host id BENCH_HOST_ID, default "bench").
set -euo pipefail
cd "$(dirname "$0")"
minutes="${1:-5}"
seconds=$(python3 -c "print(int(float('$minutes') * 60))")
out=.out
mkdir -p "$out"
rm -rf "$out/spool" "$out/posts"

echo "Publishing the agent (NativeAOT)..."
dotnet publish ../InfraFunctions.Agent -r linux-x64 -p:PublishAot=true -o "$out/agent" -v quiet -nologo > "$out/publish.log"
cc -O2 -o "$out/raw-read" raw-read.c

if [ -n "${BENCH_ENDPOINT:-}" ]; then
  endpoint=$BENCH_ENDPOINT key=${BENCH_KEY:?set BENCH_KEY with BENCH_ENDPOINT} recorder=
  echo "n/a n/a" > "$out/posts"
else
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 recorder.py "$port" "$out/posts" &
  recorder=$! endpoint="http://127.0.0.1:$port" key=bench
fi
"$out/agent/infra-agent" --endpoint "$endpoint" --key "$key" --host-id "${BENCH_HOST_ID:-bench}" --sample-interval 1 --top 10 \
  --spool-dir "$out/spool" > "$out/agent.log" 2>&1 &
agent=$!
trap 'kill $agent $recorder 2>/dev/null || true' EXIT

ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$agent/stat"; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$agent/status"; }

warmup=10
echo "Running for $seconds s (after ${warmup} s of warm-up) at a 1 s sample interval..."
sleep "$warmup"
start_ticks=$(cpu_ticks)
start_ns=$(date +%s%N)
rss_samples=()
end=$((SECONDS + seconds))
while [ $SECONDS -lt $end ]; do
  sleep 5
  rss_samples+=("$(rss_kb)")
done
end_ticks=$(cpu_ticks)
end_ns=$(date +%s%N)
hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$agent/status")
threads=$(awk '/^Threads/ {print $2}' "/proc/$agent/status")

floor_ms=$("$out/raw-read" 300 10)
floor_status_ms=$("$out/raw-read" 300 10 status)
procs=$(ls /proc | grep -c '^[0-9]')

python3 - "$start_ticks" "$end_ticks" "$start_ns" "$end_ns" "$ticks" "$hwm_kb" "$floor_ms" "$floor_status_ms" "$procs" "$threads" "$out/posts" "${rss_samples[@]}" <<'PY'
import statistics, sys
a = sys.argv[1:]
start_ticks, end_ticks, start_ns, end_ns, hz, hwm = (float(x) for x in a[:6])
floor, floor_status, procs, threads, posts_file = float(a[6]), float(a[7]), int(a[8]), int(a[9]), a[10]
rss = [int(x) for x in a[11:]]
wall = (end_ns - start_ns) / 1e9
cpu_ms = (end_ticks - start_ticks) / hz * 1000
per_sample = cpu_ms / wall  # one sample a second
posts, delivered = open(posts_file).read().split()
print(f"processes on the host:            {procs}")
print(f"agent threads:                    {threads}")
print(f"window:                           {wall:.0f} s, {wall:.0f} samples, {posts} posts so far ({delivered} samples delivered)")
print(f"peak RSS (VmHWM):                 {hwm / 1024:.1f} MB")
print(f"steady RSS (median VmRSS):        {statistics.median(rss) / 1024:.1f} MB (min {min(rss) / 1024:.1f}, max {max(rss) / 1024:.1f})")
print(f"CPU per sample:                   {per_sample:.2f} ms (all work: sampling, spooling, posting)")
print(f"CPU, share of one core at 1 s:    {per_sample / 10:.3f} %")
print(f"CPU, share of one core at 5 s:    {per_sample / 50:.3f} % (extrapolated)")
print(f"raw-read floor (stat per pid):    {floor:.2f} ms per sample")
print(f"raw-read floor (stat+status):     {floor_status:.2f} ms per sample")
print(f"ratio to the floor:               {per_sample / floor:.2f}x (stat floor), {per_sample / floor_status:.2f}x (stat+status floor)")
PY
