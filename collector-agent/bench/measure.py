"""Measures processes side by side over one window: CPU from utime + stime, RSS from VmRSS every 5 s, peak from VmHWM.

    measure.py SECONDS WARMUP NAME=PID [NAME=PID ...]

Prints one row per process. CPU is the share of one core over the window; RSS figures are in MB (2^20 bytes);
"anon" is the median RssAnon, the private memory no other process shares and the kernel cannot drop.
"""
import os
import statistics
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


def status(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


seconds, warmup = float(sys.argv[1]), float(sys.argv[2])
procs = [arg.split("=", 1) for arg in sys.argv[3:]]
time.sleep(warmup)
start = {name: ticks(pid) for name, pid in procs}
begin = time.monotonic()
rss = {name: [] for name, _ in procs}
anon = {name: [] for name, _ in procs}
while time.monotonic() - begin < seconds:
    time.sleep(5)
    for name, pid in procs:
        rss[name].append(status(pid, "VmRSS"))
        anon[name].append(status(pid, "RssAnon"))
wall = time.monotonic() - begin
print(f"window: {wall:.0f} s after {warmup:.0f} s of warm-up")
print(f"{'process':<22} {'CPU (% of a core)':>18} {'steady RSS':>11} {'min-max RSS':>13} {'peak RSS':>9} {'anon':>6}")
for name, pid in procs:
    cpu = (ticks(pid) - start[name]) / HZ / wall * 100
    r = [x / 1024 for x in rss[name]]
    print(f"{name:<22} {cpu:>17.3f}% {statistics.median(r):>8.1f} MB {min(r):>5.1f}-{max(r):<4.1f} MB {status(pid, 'VmHWM') / 1024:>6.1f} MB "
          f"{statistics.median(anon[name]) / 1024:>4.1f} MB")
