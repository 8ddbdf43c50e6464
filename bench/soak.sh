#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A soak run (issue #19): `stressdeck run` headless at its maximum rate (fast transport, 50 users,
# no think time) against nginx on 127.0.0.1 for a bounded time. Every minute it reads the run's
# VmRSS from /proc and the size of its recovery copy (the file and its journal); at the end it
# prints the RSS growth from minute 1 to the end, the report's bytes per timeline second and what
# a checkpoint wrote.
#   bash bench/soak.sh [DURATION]    DURATION as `run -d` takes it (default 6m, at least 2m)
#   SOAK_USERS=50 SOAK_SAMPLE_S=60   users, seconds between samples
# The run is bounded by DURATION (and a timeout 60 s past it). Run it niced on a shared machine:
#   nice -n 19 bash bench/soak.sh 6m
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${STRESSDECK_BUILD_DIR:-$here/build}"
duration="${1:-6m}"
users="${SOAK_USERS:-50}"
sample_s="${SOAK_SAMPLE_S:-60}"
stressdeck="$build/app/stressdeck"
[[ -x "$stressdeck" ]] || { echo "soak.sh: build $stressdeck first" >&2; exit 2; }
[[ -x /usr/sbin/nginx ]] || { echo "soak.sh: needs nginx (apt-get install nginx-light)" >&2; exit 2; }
total_s=$(python3 -c '
import re, sys
m = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s|m|h)?", sys.argv[1])
if not m: sys.exit("soak.sh: a duration such as 90s, 6m or 1h, not " + sys.argv[1])
print(int(float(m[1]) * {"ms": 0.001, "s": 1, None: 1, "m": 60, "h": 3600}[m[2]]))' "$duration")
((total_s >= 120)) || { echo "soak.sh: run at least 2 minutes (minute 1 is the baseline)" >&2; exit 2; }

work="$(mktemp -d /tmp/stressdeck-soak.XXXXXX)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# shellcheck source=bench/nginx.sh
source "$here/bench/nginx.sh"
start_nginx

export XDG_DATA_HOME="$work/data" # the recovery copy and the history stay in here
recovery="$XDG_DATA_HOME/Stressdeck/stressdeck/recovery"
started=$(date +%s)
timeout $((total_s + 60)) "$stressdeck" run --transport fast --target "http://127.0.0.1:$port" \
    --request "GET /index.html" -c "$users" -d "$duration" --think-time 0 --no-health-check --no-history \
    --leak-threshold-mb 100000 --json "$work/soak.json" > "$work/out.txt" 2> "$work/err.txt" &
pids+=($!)
sd=""
for _ in $(seq 50); do sd=$(pgrep -P "${pids[-1]}" | head -n 1) && [[ -n "$sd" ]] && break; sleep 0.1; done
[[ -n "$sd" ]] || { echo "soak.sh: stressdeck did not start: $(cat "$work/err.txt")" >&2; exit 1; }

echo "Soak: $users users at the maximum rate for $duration against nginx on 127.0.0.1 (fast transport)"
samples="$work/samples.txt"
: > "$samples"
sample() { # seconds since the start, VmRSS in KB, the recovery file's and its journal's bytes
    local rss file journal
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$sd/status" 2>/dev/null || echo 0)
    file=$(stat -c %s "$recovery"/run-*.json 2>/dev/null | head -n 1 || true)
    journal=$(stat -c %s "$recovery"/run-*.journal 2>/dev/null | head -n 1 || true)
    echo "$1 $rss ${file:-0} ${journal:-0}" >> "$samples"
    printf '  %5ss  RSS %6.1f MB   recovery copy: file %6.1f KB, journal %8.1f KB\n' "$1" "$(echo "$rss / 1024" | bc -l)" \
        "$(echo "${file:-0} / 1024" | bc -l)" "$(echo "${journal:-0} / 1024" | bc -l)"
}
for ((t = sample_s; t < total_s - 5; t += sample_s)); do
    sleep $((started + t - $(date +%s)))
    sample "$t"
done
sleep $((started + total_s - 3 - $(date +%s))) # the last sample just before the end
sample $((total_s - 3))
wait "${pids[-1]}" || true

python3 - "$work/soak.json" "$samples" "$sample_s" <<'PY'
import json, sys
report_file, samples_file, sample_s = sys.argv[1], sys.argv[2], int(sys.argv[3])
raw = open(report_file, "rb").read()
r = json.loads(raw)
o = r["overall"]
rows = r["timeline"]
n = len(rows["t_s"]) if isinstance(rows, dict) else len(rows)  # rows: a second each up to 6 h
secs = max(r["elapsed_s"], 1)
compact = lambda v: len(json.dumps(v, separators=(",", ":")))
print(f"  {o['total']} requests at {o['throughput_rps']:.0f} req/s over {r['elapsed_s']:.0f} s, {o['failure']} failed")
print(f"  report: {len(raw) / 1e6:.2f} MB, {len(raw) / secs:.0f} B per second of the run "
      f"(timeline {compact(rows) / secs:.0f} B/s, latency windows {compact(r['latency_windows']) / secs:.0f} B/s, "
      f"system samples {compact(r['system']) / secs:.0f} B/s)")
# A day is not this run times its length: its rows are 4 s long and the latency windows at most 120.
windows = r["latency_windows"]
print(f"  a day at this rate: a timeline of about {compact(rows) / n * 21600 / 1e6:.1f} MB (21,600 rows of 4 s); "
      f"{len(windows['windows'])} latency windows of {windows['window_s']} s here, at most 120 in any run")
samples = [list(map(int, line.split())) for line in open(samples_file)]
m1 = next(s for s in samples if s[0] >= 60)
end = samples[-1]
growth = (end[1] - m1[1]) / 1024
minutes = (end[0] - m1[0]) / 60
print(f"  RSS growth from minute 1 to {end[0] / 60:.1f} min: {growth:+.1f} MB ({m1[1] / 1024:.1f} -> {end[1] / 1024:.1f} MB), "
      f"{growth / minutes:+.2f} MB/min, {growth / minutes * 59:+.1f} MB over minutes 1-60 at that slope (target < 5 MB)")
half = next(s for s in samples if s[0] >= (m1[0] + end[0]) / 2)
if end[0] > half[0]:
    late = (end[1] - half[1]) / 1024 / ((end[0] - half[0]) / 60)
    print(f"  in the second half ({half[0] / 60:.1f} to {end[0] / 60:.1f} min): {late:+.2f} MB/min, "
          f"{late * 59:+.1f} MB over minutes 1-60 at that slope")
steps = [(b[3] - a[3]) for a, b in zip(samples, samples[1:]) if b[0] - a[0] == sample_s and a[3] > 0]
if steps:
    print(f"  recovery copy: the file stays {min(s[2] for s in samples if s[2]) / 1024:.0f}-{max(s[2] for s in samples) / 1024:.0f} KB, "
          f"the journal grows {sum(steps) / len(steps) / 1024 * 30 / sample_s:.1f} KB per 30-s checkpoint")
PY
